package telegraph.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Damages a real day file the ways files really get damaged, from a seed, so that a failing case
 * can be made again: lines cut, timestamps swapped or malformed, brackets unbalanced, markup and
 * entities injected, lines doubled, dropped or joined, stray control characters, lines in another
 * encoding, the file cut short. What was done is listed, for the failure message.
 */
final class Mutator {

    private static final Pattern STAMP = Pattern.compile("\\[(\\d{1,2}):(\\d{2})(:\\d{2})?\\]");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String[] INJECTED = {
        "<script>alert(1)</script>", "&amp;", "&lt;b&gt;", "&#0;", "&#x1F600;", "&nbsp;", "&quot;睿”", "*ST",
        "**", "__", "`", "```", "# ", "> ", "---", "<!--", "-->", "]]>", "<![CDATA[", "\\", "${x}", "<#if>",
        "[链接](javascript:alert(1))", "![](x.png)", "|a|b|", "\u0000", "\ufeff", "\u200e", "\u200c", "\ue000",
        "\r", "\t", "【", "】", "[", "]", "(", ")", "{", "}", "《", "**[99:99]**", "**[07:3]**",
    };
    private static final String[] BROKEN_STAMPS = {
        "**[25:61]** ", "**[ab:cd]** ", "**[10:00]* ", "*[10:00]** ", "**[10:00** ", "**[1000]** ", "**[]** ",
        "**[10:00]**", "**[-1:00]** ", "**[10:00:00]** ", "**[１０:００]** ", "** [10:00] ** ",
    };

    private final Random random;
    private final List<String> done = new ArrayList<>();

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** What was done to the last file, in order. */
    List<String> done() {
        return done;
    }

    Random random() {
        return random;
    }

    /** The file's bytes after {@code count} random damages. */
    byte[] mutate(String text, int count) {
        done.clear();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        boolean[] gb = null;
        for (int k = 0; k < count && !lines.isEmpty(); k++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(12)) {
                case 0 -> {
                    int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                    lines.set(i, line.substring(0, cut));
                    done.add("cut line " + (i + 1) + " at " + cut);
                }
                case 1 -> {
                    int j = random.nextInt(lines.size());
                    Matcher a = STAMP.matcher(line);
                    Matcher b = STAMP.matcher(lines.get(j));
                    if (a.find() && b.find()) {
                        lines.set(i, line.substring(0, a.start()) + b.group() + line.substring(a.end()));
                        lines.set(j, lines.get(j).substring(0, b.start()) + a.group() + lines.get(j).substring(b.end()));
                        done.add("swapped stamps of lines " + (i + 1) + " and " + (j + 1));
                    }
                }
                case 2 -> {
                    String stamp = BROKEN_STAMPS[random.nextInt(BROKEN_STAMPS.length)];
                    lines.set(i, stamp + line.replaceFirst("^\\*\\*\\[\\d{1,2}:\\d{2}\\]\\*\\*\\s*", ""));
                    done.add("stamp " + stamp.strip() + " on line " + (i + 1));
                }
                case 3, 4 -> {
                    String junk = INJECTED[random.nextInt(INJECTED.length)];
                    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + junk + line.substring(at));
                    done.add("injected " + printable(junk) + " in line " + (i + 1));
                }
                case 5 -> {
                    lines.add(i, line);
                    done.add("doubled line " + (i + 1));
                }
                case 6 -> {
                    lines.remove(i);
                    done.add("dropped line " + (i + 1));
                }
                case 7 -> {
                    if (i + 1 < lines.size()) {
                        lines.set(i, line + lines.remove(i + 1));
                        done.add("joined lines " + (i + 1) + " and " + (i + 2));
                    }
                }
                case 8 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                    done.add("swapped lines " + (i + 1) + " and " + (j + 1));
                }
                case 9 -> {
                    lines.set(i, line.replace("\n", "") + "\r");
                    done.add("CR at the end of line " + (i + 1));
                }
                case 10 -> {
                    if (gb == null) {
                        gb = new boolean[lines.size() + count];
                    }
                    if (i < gb.length) {
                        gb[i] = true;
                        done.add("line " + (i + 1) + " in GB18030");
                    }
                }
                default -> {
                    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(i, line.substring(0, at) + "\n" + line.substring(at));
                    done.add("line " + (i + 1) + " broken in two at " + at);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3);
        for (int i = 0; i < lines.size(); i++) {
            Charset charset = gb != null && i < gb.length && gb[i] ? GB18030 : StandardCharsets.UTF_8;
            out.writeBytes(lines.get(i).getBytes(charset));
            if (i + 1 < lines.size()) {
                out.write('\n');
            }
        }
        byte[] bytes = out.toByteArray();
        if (random.nextInt(8) == 0) {
            int cut = random.nextInt(bytes.length + 1);
            done.add("file cut at byte " + cut + " of " + bytes.length);
            return Arrays.copyOf(bytes, cut);
        }
        return bytes;
    }

    /** Random bytes, sometimes with UTF-8 Chinese, newlines and stamps among them. */
    byte[] noise(int length) {
        done.clear();
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            byte[] text = "\n**[12:34]** 【标题】财联社电，正文\n".getBytes(StandardCharsets.UTF_8);
            for (int at = 0; at + text.length < length; at += 1 + random.nextInt(200)) {
                System.arraycopy(text, 0, bytes, at, text.length);
            }
        }
        done.add(length + " random bytes");
        return bytes;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> b.append(cp < 0x20 || cp == 0xfeff || (cp >= 0x200c && cp <= 0x200f)
                || (cp >= 0xe000 && cp <= 0xf8ff) ? String.format("\\u%04x", cp) : Character.toString(cp)));
        return b.toString();
    }
}
