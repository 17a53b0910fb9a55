package telegraph.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory bucket as stored: {@code {"tokens": "t\nt…", "entries": "e\ne…"}}, line i of
 * {@code entries} being token i's months, newest first, separated by spaces, each
 * {@code yyyymm=df} or, for a rare token, {@code yyyymm:refs} (base-36 refs, comma-separated).
 * Tokens apart from their entries deflate about a tenth smaller than a JSON object of arrays.
 */
final class BucketText {

    /** One month of a token: yyyymm, then the df or, for a rare token, its refs. */
    record Entry(int yyyymm, int df, String postings) {
    }

    private final StringBuilder tokens = new StringBuilder();
    private final StringBuilder entries = new StringBuilder();
    private boolean first = true;
    private boolean firstEntry;

    /** Starts the next token, in String order. */
    void token(String token) {
        if (!first) {
            tokens.append('\n');
            entries.append('\n');
        }
        first = false;
        firstEntry = true;
        tokens.append(token);
    }

    /** Adds a month of the current token. */
    void entry(Entry e) {
        entries.append(firstEntry ? "" : " ").append(e.yyyymm());
        firstEntry = false;
        if (e.postings() != null) {
            entries.append(':').append(e.postings());
        } else {
            entries.append('=').append(e.df());
        }
    }

    Json.Body json() {
        return g -> {
            g.writeStartObject();
            g.writeStringField("tokens", tokens.toString());
            g.writeStringField("entries", entries.toString());
            g.writeEndObject();
        };
    }

    /** A token's months as stored on one line of {@code entries}. */
    static Entry[] parse(String line, String where) throws IOException {
        List<Entry> list = new ArrayList<>();
        for (String part : line.split(" ")) {
            int refs = part.indexOf(':');
            int df = part.indexOf('=');
            int at = refs >= 0 ? refs : df;
            if (at != 6) {
                throw new IOException(where + ": not a directory bucket");
            }
            int yyyymm = Integer.parseInt(part, 0, 6, 10);
            list.add(refs >= 0 ? new Entry(yyyymm, part.split(",").length, part.substring(7))
                    : new Entry(yyyymm, Integer.parseInt(part, 7, part.length(), 10), null));
        }
        return list.toArray(new Entry[0]);
    }
}
