package telegraph.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The text store's JSON strings are written by hand: Jackson is the reference they must match. */
class ByteBufTest {

    private static final String[] HAZARDS = {
        "",
        "英伟达发布HBM4，股价涨3.5%",
        "他说：\"不\"\\ 然后/斜杠",
        "控制" + new String(new char[] {0, 1, 8, 9, 10, 11, 12, 13, 0x1F, 0x7F}) + "字符",
        "é ß ü \u07FF \u0800 \uFFFD \u2028\u2029",
        "emoji \uD83D\uDE00 and 𠀀 (U+20000)",
        "lone high \uD800 x, lone low \uDC00 y, high at end \uD83D",
        "reversed pair \uDE00\uD83D",
    };

    @Test
    void stringsAreWhatJacksonWritesOfTheirUtf8() throws IOException {
        for (String s : HAZARDS) {
            ByteBuf b = new ByteBuf(4);
            b.string(s);
            assertArrayEquals(jackson(s), Arrays.copyOf(b.array(), b.size()), s);
        }
    }

    @Test
    void stringsReadBackAsTheTextWithLoneSurrogatesReplaced() throws IOException {
        for (String s : HAZARDS) {
            ByteBuf b = new ByteBuf(4);
            b.string(s);
            String back = new ObjectMapper().readValue(Arrays.copyOf(b.array(), b.size()), String.class);
            assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), back, s);
        }
    }

    private static byte[] jackson(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            g.writeUTF8String(utf8, 0, utf8.length);
        }
        return out.toByteArray();
    }
}
