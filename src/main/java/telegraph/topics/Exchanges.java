package telegraph.topics;

import java.util.Map;

/** Readable names of the exchange suffixes of stock codes. */
final class Exchanges {

    private static final Map<String, String> NAMES = Map.of(
            "SH", "上海证券交易所",
            "SZ", "深圳证券交易所",
            "BJ", "北京证券交易所",
            "HK", "香港交易所",
            "O", "纳斯达克",
            "OQ", "纳斯达克",
            "N", "纽约证券交易所",
            "US", "美国市场");

    private Exchanges() {
    }

    /** The exchange of a code such as {@code 600519.SH}, or the suffix itself when unknown. */
    static String of(String code) {
        String suffix = code.substring(code.lastIndexOf('.') + 1);
        return NAMES.getOrDefault(suffix, suffix);
    }
}
