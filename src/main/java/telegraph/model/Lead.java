package telegraph.model;

/**
 * The first clause of an item's body, which stands for the title an item without 【】 lacks: cut
 * at a punctuation mark, never inside quotes or brackets, so that a list of headlines reads as
 * phrases, and a snippet can go on where it stops instead of repeating it.
 *
 * @param headline the clause without its closing mark, with an ellipsis when the body goes on
 * @param end      where the rest of the body begins (UTF-16 index, after the closing mark)
 */
public record Lead(String headline, int end) {

    /**
     * Length of a headline: a 【】 title is rarely longer. A clause that ends past it is taken
     * only when the clauses before it are too short to say anything ({@link #LONGEST}).
     */
    public static final int MAX = 32;
    /**
     * How far a clause may run when what ends before {@link #MAX} is a short opening such as
     * 美国财长贝森特表示, which names a speaker and not the news.
     */
    static final int LONGEST = 48;
    /** A clause shorter than this (据悉，) says nothing alone: it takes the next one too. */
    static final int MIN = 6;

    private static final String SENTENCE_END = "。！？；!?;";
    private static final String CLAUSE_END = "，、：,:";
    private static final String OPENING = "“‘《（(「【〔[";
    private static final String CLOSING = "”’》）)」】〕]";

    /** The lead of a body; a body of one short sentence is its own headline, with nothing after it. */
    public static Lead of(String body) {
        int depth = 0;
        int lastMark = -1;
        int limit = Math.min(body.length(), LONGEST + 1);
        for (int i = 0; i < limit; i++) {
            char c = body.charAt(i);
            if (OPENING.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSING.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && i >= MIN && (SENTENCE_END + CLAUSE_END).indexOf(c) >= 0) {
                boolean sentence = SENTENCE_END.indexOf(c) >= 0;
                if (i <= MAX && sentence || i > MAX && lastMark < MAX / 2) {
                    return cut(body, i + 1);
                }
                if (i <= MAX) {
                    lastMark = i;
                }
            }
        }
        if (body.length() <= MAX) {
            return cut(body, body.length());
        }
        if (lastMark >= 0) {
            return cut(body, lastMark + 1);
        }
        // no mark to cut at: a long run of words, cut where a headline must end, not inside a
        // Latin word or number (ServiceNo|w) nor between a character's two halves
        int at = Character.isLowSurrogate(body.charAt(MAX)) ? MAX - 1 : MAX;
        int word = at;
        while (word > MIN && latin(body.charAt(word - 1)) && latin(body.charAt(word))) {
            word--;
        }
        return cut(body, word > MIN ? word : at);
    }

    private static boolean latin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /**
     * The headline of a body cut at {@code end}: what precedes it without its closing mark, and an
     * ellipsis when text follows. search.js makes the same from the export's {@code lead}.
     */
    private static Lead cut(String body, int end) {
        String clause = body.substring(0, end).strip();
        while (!clause.isEmpty() && (SENTENCE_END + CLAUSE_END).indexOf(clause.charAt(clause.length() - 1)) >= 0) {
            clause = clause.substring(0, clause.length() - 1);
        }
        return new Lead(body.substring(end).isBlank() ? clause : clause + "…", end);
    }
}
