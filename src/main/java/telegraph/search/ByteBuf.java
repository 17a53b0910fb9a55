package telegraph.search;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing byte array the text store's JSON strings are written into by hand (an eighth less
 * CPU than Jackson for the largest part of the index, byte for byte the same). Also a stream, so
 * that Jackson writes the other pieces into the same reused buffers.
 */
final class ByteBuf extends OutputStream {

    private byte[] bytes;
    private int size;

    ByteBuf(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    ByteBuf put(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    @Override
    public void write(int b) {
        put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    ByteBuf put(char ascii) {
        return put((byte) ascii);
    }

    ByteBuf put(byte[] b) {
        write(b, 0, b.length);
        return this;
    }

    /** ASCII text without escaping (keys and values of our own making). */
    ByteBuf ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    ByteBuf number(int n) {
        if (n >= 0 && n < 10) {
            return put((byte) ('0' + n));
        }
        return ascii(Integer.toString(n));
    }

    /**
     * A JSON string in UTF-8, byte for byte what Jackson's {@code writeUTF8String} makes of
     * {@code s.getBytes(UTF_8)}: quote, backslash and control characters escaped, everything
     * else as is, a lone surrogate as {@code ?}. One pass over the text, which is most of the
     * text store.
     */
    ByteBuf string(String s) {
        int n = s.length();
        ensure(6 * n + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                p = putChar(b, p, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | cp >> 18);
                b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[p++] = '?';
            }
        }
        b[p++] = '"';
        size = p;
        return this;
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** A char that is no surrogate, JSON-escaped and in UTF-8, at b[p]; returns the new end. */
    private static int putChar(byte[] b, int p, char c) {
        if (c >= 0x80) {
            if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
            }
            b[p++] = (byte) (0x80 | c & 0x3F);
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            b[p++] = (byte) c;
        } else {
            b[p++] = '\\';
            switch (c) {
                case '"', '\\' -> b[p++] = (byte) c;
                case '\b' -> b[p++] = 'b';
                case '\t' -> b[p++] = 't';
                case '\n' -> b[p++] = 'n';
                case '\f' -> b[p++] = 'f';
                case '\r' -> b[p++] = 'r';
                default -> {
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = HEX[c >> 4];
                    b[p++] = HEX[c & 0xF];
                }
            }
        }
        return p;
    }
}
