User-agent: *
Allow: /
<#if site.baseUrl?has_content>
Sitemap: ${site.baseUrl}sitemap.xml
</#if>
