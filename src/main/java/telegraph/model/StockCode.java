package telegraph.model;

/**
 * A security mentioned in an item, e.g. {@code 贵州茅台(600519.SH)}.
 *
 * @param code     the full code as written, upper-cased: {@code 600519.SH}
 * @param name     the name written before the code, or empty when there was none
 */
public record StockCode(String code, String name) {

    public StockCode {
        code = code.toUpperCase(java.util.Locale.ROOT);
    }

    /** The code without its exchange suffix: {@code 600519}. */
    public String number() {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    /** The exchange suffix: {@code SH}, {@code SZ}, {@code BJ}, {@code HK}, {@code US}... */
    public String exchange() {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? "" : code.substring(dot + 1);
    }
}
