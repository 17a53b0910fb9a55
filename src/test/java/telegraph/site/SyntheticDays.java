package telegraph.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day files like those of {@code ../shared/tools/gen-corpus.py}, made in the test: items that
 * recombine the titles and sentences of the seed day the repository carries, in the seed's layout,
 * both channels, with re-posts, items in both channels and the night past midnight. Each day comes
 * from its own random stream, so a day is the same whenever it is made.
 */
final class SyntheticDays {

    /** What one day's files hold: the items written and how many the build should fold. */
    record Day(int lines, int bothChannels, int reposts) {
    }

    private static final Path SEED = Path.of("content/CLS_2026-01-06_General.md");
    private static final Pattern ITEM = Pattern.compile("^\\*\\*\\[\\d{2}:\\d{2}\\]\\*\\*\\s*(?:【(.+?)】)?(.*)$");
    private static final String[] STOCKS = {"贵州茅台(600519.SH)", "*ST沐邦(603398.SH)", "东方园林(002310.SZ)",
        "腾讯控股(00700.HK)", "英伟达(NVDA.O)"};

    private final List<String> titles = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();

    SyntheticDays() throws IOException {
        for (String line : Files.readAllLines(SEED)) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                if (m.group(1) != null) {
                    titles.add(m.group(1));
                }
                for (String sentence : m.group(2).split("(?<=。)")) {
                    if (sentence.length() > 8) {
                        sentences.add(sentence.replaceFirst("^财联社\\d+月\\d+日电，", ""));
                    }
                }
            }
        }
    }

    /** Writes the General and Major files of {@code date} into {@code folder}. */
    Day write(LocalDate date, int items, Path folder) throws IOException {
        Random random = new Random(date.toEpochDay() * 31 + items);
        StringBuilder general = new StringBuilder(heading("普通", date));
        StringBuilder major = new StringBuilder(heading("重磅", date));
        int both = 0;
        int reposts = 0;
        // minutes from 05:30 on, to 05:29 the next day, rising
        int minute = 0;
        String dateline = "财联社" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日电，";
        for (int i = 0; i < items; i++) {
            minute = Math.min(minute + 1 + random.nextInt(1_400 / items), 1_439);
            String stamp = "**[" + LocalTime.of(5, 30).plusMinutes(minute) + "]** ";
            String title = titles.get(random.nextInt(titles.size())) + "（" + date + " 第" + i + "条）";
            String body = sentences.get(random.nextInt(sentences.size())) + sentences.get(random.nextInt(sentences.size()))
                    + (random.nextInt(4) == 0 ? STOCKS[random.nextInt(STOCKS.length)] + "公告。" : "");
            String text = "【" + title + "】" + dateline + body;
            general.append(stamp).append(text).append("\n\n");
            if (random.nextInt(10) == 0) {
                major.append(stamp).append(text).append("\n\n");
                both++;
            } else if (random.nextInt(15) == 0 && minute < 1_430) {
                minute += 5;
                general.append("**[").append(LocalTime.of(5, 30).plusMinutes(minute)).append("]** ").append(text)
                        .append("更新：").append(sentences.get(random.nextInt(sentences.size()))).append("\n\n");
                reposts++;
            }
        }
        Files.writeString(folder.resolve("CLS_" + date + "_General.md"), general);
        Files.writeString(folder.resolve("CLS_" + date + "_Major.md"), major);
        return new Day(items + both + reposts, both, reposts);
    }

    private static String heading(String channel, LocalDate date) {
        return "# 财联社【" + channel + "】电报 - " + date + "\n> 统计周期：" + date + " 05:30 至次日 05:30\n\n---\n\n";
    }
}
