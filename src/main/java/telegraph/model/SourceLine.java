package telegraph.model;

/** Where something was read: a file name and a 1-based line number (0 when it is the whole file). */
public record SourceLine(String file, int line) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
