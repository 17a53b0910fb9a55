package telegraph.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import telegraph.model.Problem;
import telegraph.model.SourceLine;

/**
 * Decodes a day file. Files should be UTF-8; a file that is not is reported and read as
 * GB18030 (a superset of GBK, the usual culprit) so that its items are not lost.
 */
final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoder() {
    }

    static String decode(byte[] bytes, String fileName, List<Problem> problems) {
        try {
            return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstMalformedOffset(bytes);
            int line = lineOf(bytes, offset);
            if (cutInCharacter(bytes, offset)) {
                // a file read while it is being written: the rest is UTF-8, and GB18030 would garble it all
                problems.add(new Problem(new SourceLine(fileName, line),
                        "ends in the middle of a character (cut short while written?); its last bytes shown as �", ""));
                return new String(bytes, StandardCharsets.UTF_8);
            }
            try {
                String text = strict(GB18030).decode(ByteBuffer.wrap(bytes)).toString();
                problems.add(new Problem(new SourceLine(fileName, line),
                        "not valid UTF-8; read as GB18030 (GBK)", ""));
                return text;
            } catch (CharacterCodingException notGbEither) {
                problems.add(new Problem(new SourceLine(fileName, line),
                        "not valid UTF-8 (binary or unknown encoding); unreadable bytes shown as �", ""));
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (CharacterCodingException e) {
            problems.add(new Problem(new SourceLine(fileName, 1), "cannot decode: " + e.getMessage(), ""));
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstMalformedOffset(byte[] bytes) {
        CharsetDecoder decoder = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /** The only bad bytes are the start of a multi-byte character at the very end of the file. */
    private static boolean cutInCharacter(byte[] bytes, int offset) {
        int lead = bytes[offset] & 0xFF;
        int length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
        int left = bytes.length - offset;
        if (lead > 0xF4 || left >= length) {
            return false;
        }
        for (int i = offset + 1; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
