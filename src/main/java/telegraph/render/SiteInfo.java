package telegraph.render;

/**
 * Site-wide values every template receives.
 *
 * @param title   the site's name
 * @param baseUrl absolute URL the site is hosted at, or empty; only used for canonical links
 */
public record SiteInfo(String title, String baseUrl) {
    /** A base URL always ends with a slash, so templates can append paths to it. */
    public SiteInfo {
        baseUrl = baseUrl == null || baseUrl.isEmpty() || baseUrl.endsWith("/") ? (baseUrl == null ? "" : baseUrl)
                : baseUrl + "/";
    }
}
