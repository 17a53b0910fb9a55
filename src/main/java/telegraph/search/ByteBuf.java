package telegraph.search;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growing byte array the token lists are written into by hand, reused from piece to piece.
 * Also a stream, so that Jackson writes the pieces into the same reused buffers.
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
}
