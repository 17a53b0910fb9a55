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

/** Every page of a site opens and every link of it inside the site leads to a file (and anchor) there. */
final class PageLinks {

    private final Path site;
    private final Map<Path, Set<String>> ids = new HashMap<>();

    private PageLinks(Path site) {
        this.site = site;
    }

    /** The broken links of every page, as "page: url why"; empty when the site is whole. */
    static List<String> broken(Path site) throws IOException {
        return new PageLinks(site).check();
    }

    /** How many pages the site has. */
    static long pages(Path site) throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).count();
        }
    }

    private List<String> check() throws IOException {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html") && !site.relativize(p).startsWith(".telegraph"))
                    .sorted().toList();
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (Element el : parse(page).select("a[href], link[href], script[src], img[src]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                if (url.startsWith("data:") || url.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                    continue;
                }
                String why = why(page, url);
                if (why != null) {
                    broken.add(site.relativize(page) + ": " + url + " " + why);
                }
            }
        }
        return broken;
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
