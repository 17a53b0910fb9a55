package telegraph.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One {@link Deflater} of a given level and format per thread, reset for each use: a new one per
 * file cost zlib's allocation and table clearing (about 270 kB) every time, and was left for the
 * garbage collector to end. A thread uses it for one piece at a time; nothing may deflate with the
 * same instance between {@link #get()} and the end of that piece.
 */
public final class ReusedDeflater {

    /** gzip's header with no time, name or flags, as {@code GZIPOutputStream} writes it: same content, same bytes. */
    public static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final ThreadLocal<Deflater> deflaters;
    private final ThreadLocal<byte[]> chunks = ThreadLocal.withInitial(() -> new byte[1 << 16]);

    /** @param raw deflate data alone (for gzip framing), else the zlib format */
    public ReusedDeflater(int level, boolean raw) {
        this.deflaters = ThreadLocal.withInitial(() -> new Deflater(level, raw));
    }

    /** This thread's deflater, reset. */
    public Deflater get() {
        Deflater deflater = deflaters.get();
        deflater.reset();
        return deflater;
    }

    /** Writes the first {@code length} bytes of {@code data} to {@code out} as one gzip member (needs a raw deflater). */
    public void gzip(byte[] data, int length, OutputStream out) throws IOException {
        Deflater deflater = get();
        deflater.setInput(data, 0, length);
        deflater.finish();
        out.write(GZIP_HEADER);
        byte[] chunk = chunks.get();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, length);
        out.write(trailer(crc.getValue(), length));
    }

    /** gzip's trailer: CRC-32 and length, little-endian. */
    public static byte[] trailer(long crc, long size) {
        byte[] trailer = new byte[8];
        for (int b = 0; b < 4; b++) {
            trailer[b] = (byte) (crc >>> (8 * b));
            trailer[4 + b] = (byte) (size >>> (8 * b));
        }
        return trailer;
    }
}
