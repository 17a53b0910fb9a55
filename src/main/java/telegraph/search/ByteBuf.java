package telegraph.search;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing byte array the shards are written into by hand: their JSON holds only ASCII keys,
 * numbers and the index's own characters, so a JSON library's generality costs more than it helps.
 * Also a stream, so that Jackson can write the other pieces into the same reused buffer.
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

    /** One BMP character as a JSON string {@code "c"}, escaped where JSON needs it. */
    ByteBuf quotedChar(char c) {
        ensure(8);
        bytes[size++] = '"';
        if (c == '"' || c == '\\') {
            bytes[size++] = '\\';
            bytes[size++] = (byte) c;
        } else if (c < 0x20) {
            String hex = String.format("\\u%04x", (int) c);
            for (int i = 0; i < hex.length(); i++) {
                bytes[size++] = (byte) hex.charAt(i);
            }
        } else if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else {
            // the tokenizer lets no surrogate through, so every char is a whole code point
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
        bytes[size++] = '"';
        return this;
    }
}
