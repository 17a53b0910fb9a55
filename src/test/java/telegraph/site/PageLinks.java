package telegraph.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every page of a site opens and every link of it leads to a file (and anchor) of the site:
 * nothing is loaded from the network, no link leads to a folder (which breaks browsing from disk).
 */
final class PageLinks {

    /** The broken links, as "page: url why", and how many links were checked. */
    record Report(List<String> broken, long checked) {
    }

    private final Path site;
    private final Map<Path, Set<String>> ids = new HashMap<>();

    private PageLinks(Path site) {
        this.site = site;
    }

    static Report check(Path site) throws IOException {
        return new PageLinks(site).check();
    }

    /** The broken links of every page; empty when the site is whole. */
    static List<String> broken(Path site) throws IOException {
        return check(site).broken();
    }

    private Report check() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html") && !site.relativize(p).startsWith(".telegraph"))
                    .sorted().toList();
        }
        List<String> broken = new ArrayList<>();
        long checked = 0;
        for (Path page : pages) {
            for (Element el : parse(page).select("a[href], link[href], script[src], img[src], form[action]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("action");
                if (url.startsWith("data:")) {
                    continue; // inline, nothing is fetched
                }
                String why = url.matches("(?i)^[a-z][a-z0-9+.-]*:.*") ? "is external" : why(page, url);
                checked++;
                if (why != null) {
                    broken.add(site.relativize(page) + ": " + url + " " + why);
                }
            }
        }
        return new Report(broken, checked);
    }

    private String why(Path page, String url) throws IOException {
        String path = url.replaceFirst("[?#].*$", "");
        int hash = url.indexOf('#');
        String fragment = hash >= 0 ? url.substring(hash + 1) : "";
        Path target = path.isEmpty() ? page
                : path.startsWith("/") ? site.resolve(path.substring(1)) : page.getParent().resolve(path).normalize();
        if (!target.startsWith(site)) {
            return "leaves the site";
        }
        if (Files.isDirectory(target)) {
            return "is a folder (breaks file:// browsing)";
        }
        if (!Files.isRegularFile(target)) {
            return "missing";
        }
        if (!fragment.isEmpty() && target.toString().endsWith(".html") && !idsOf(target).contains(fragment)) {
            return "no such anchor";
        }
        return null;
    }

    private Set<String> idsOf(Path page) throws IOException {
        Set<String> known = ids.get(page);
        if (known == null) {
            known = new HashSet<>(parse(page).select("[id]").eachAttr("id"));
            ids.put(page, known);
        }
        return known;
    }

    private static Document parse(Path page) throws IOException {
        return Jsoup.parse(page.toFile(), "UTF-8");
    }
}
