package telegraph.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
    /** Built, no input problems. */
    public static final int OK = 0;
    /** Built, but some input could not be read; the problems were reported. */
    public static final int INPUT_PROBLEMS = 1;
    /** Bad command line, or the content folder cannot be used: nothing built. */
    public static final int USAGE = 2;
    /** The output could not be written or a template failed: the site is put back as it was before the build. */
    public static final int FAILED = 3;
    /** Another build, watch or serve is using the output folder (and no {@code --wait}): nothing built. */
    public static final int LOCKED = 4;

    private ExitCodes() {
    }
}
