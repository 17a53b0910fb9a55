package telegraph.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import telegraph.model.Day;
import telegraph.model.Problem;
import telegraph.model.DaySummary;
import telegraph.output.OutputWriter;

/** Renders each page kind through its template into the output folder. */
public final class PageRenderer {

    private final TemplateEngine engine;
    private final OutputWriter out;
    private final SiteInfo site;
    private final ItemLinks itemLinks;

    public PageRenderer(TemplateEngine engine, OutputWriter out, SiteInfo site) {
        this(engine, out, site, ItemLinks.NONE);
    }

    /** @param itemLinks links added to each item of the day pages (topics) */
    public PageRenderer(TemplateEngine engine, OutputWriter out, SiteInfo site, ItemLinks itemLinks) {
        this.engine = engine;
        this.out = out;
        this.site = site;
        this.itemLinks = itemLinks;
    }

    public SiteInfo site() {
        return site;
    }

    public void day(Day day, LocalDate prev, LocalDate next) {
        String path = SitePaths.dayPage(day.date());
        String root = SitePaths.rootFrom(path);
        page("day.ftlh", path, Map.of("day", DayPageModel.of(day, prev, next, root, itemLinks)));
    }

    public void home(NavigableMap<LocalDate, DaySummary> days, long items, int problems) {
        String path = "index.html";
        String root = SitePaths.rootFrom(path);
        LocalDate first = days.isEmpty() ? null : days.firstKey();
        LocalDate last = days.isEmpty() ? null : days.lastKey();
        Map<String, Object> model = new HashMap<>();
        model.put("years", CalendarModel.years(days, root));
        model.put("dayCount", days.size());
        model.put("itemCount", items);
        model.put("problemCount", problems);
        if (last != null) {
            model.put("first", Dates.chinese(first));
            model.put("latest", new Link(root + SitePaths.dayPage(last), Dates.chinese(last)));
        }
        page("index.ftlh", path, model);
    }

    /** @param highlights the month's top topics and the like, from the archive-wide outputs */
    public void month(YearMonth month, Map<LocalDate, DaySummary> days, YearMonth prev, YearMonth next,
                      List<Link> highlights) {
        String path = SitePaths.monthPage(month);
        String root = SitePaths.rootFrom(path);
        Map<String, Object> model = new HashMap<>();
        model.put("month", CalendarModel.month(month, days, root));
        model.put("highlights", highlights);
        model.put("days", days.values().stream().sorted((a, b) -> b.date().compareTo(a.date()))
                .map(d -> new DayLink(new Link(root + SitePaths.dayPage(d.date()), Dates.chinese(d.date())),
                        d.count(), d.majorCount()))
                .toList());
        if (prev != null) {
            model.put("prev", monthLink(prev, root));
        }
        if (next != null) {
            model.put("next", monthLink(next, root));
        }
        page("month.ftlh", path, model);
    }

    private static Link monthLink(YearMonth month, String root) {
        return new Link(root + SitePaths.monthPage(month), Dates.yearMonth(month.atDay(1)));
    }

    /** A day in a month's list. */
    public record DayLink(Link link, int count, long major) {
    }

    /**
     * The pages every host expects: {@code 404.html}, {@code robots.txt}, and with a base URL
     * {@code sitemap.xml} (whose URLs must be absolute).
     */
    public void siteFiles(NavigableMap<LocalDate, DaySummary> days) {
        // A 404 page is served at any depth, so its links start from the site root.
        page("404.ftlh", "404.html", Map.of("root", site.baseUrl().isEmpty() ? "/" : site.baseUrl()));
        page("robots.ftl", "robots.txt", Map.of());
        if (site.baseUrl().isEmpty()) {
            return;
        }
        List<SitemapUrl> urls = new java.util.ArrayList<>();
        urls.add(new SitemapUrl("index.html", days.isEmpty() ? "" : days.lastKey().toString()));
        CalendarModel.byMonth(days).forEach((month, inMonth) -> urls.add(new SitemapUrl(SitePaths.monthPage(month),
                inMonth.lastKey().plusDays(1).toString())));
        days.keySet().forEach(d -> urls.add(new SitemapUrl(SitePaths.dayPage(d), d.plusDays(1).toString())));
        page("sitemap.ftlx", "sitemap.xml", Map.of("urls", urls));
    }

    /** {@code coverage.html}: items per day and hour, and the days that look incomplete. */
    public void coverage(NavigableMap<LocalDate, DaySummary> days) {
        page("coverage.ftlh", "coverage.html", Map.of("coverage", CoverageModel.of(days, "")));
    }

    /** A sitemap entry: path from the site root and the date it last changed, if known. */
    public record SitemapUrl(String path, String lastmod) {
    }

    public void problems(List<Problem> problems) {
        page("problems.ftlh", "problems.html", Map.of("problems", problems.stream().map(ProblemView::of).toList()));
    }

    /**
     * Renders any template to {@code path}; templates also receive {@code site}, {@code root}
     * (the relative prefix back to the site root) and {@code path}.
     */
    public void page(String template, String path, Map<String, Object> pageModel) {
        Map<String, Object> model = new HashMap<>(pageModel);
        model.put("site", site);
        model.putIfAbsent("root", SitePaths.rootFrom(path));
        model.put("path", path);
        out.writeText(path, writer -> engine.render(template, model, writer));
    }
}
