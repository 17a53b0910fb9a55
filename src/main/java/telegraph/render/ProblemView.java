package telegraph.render;

import telegraph.model.Problem;

/**
 * A problem as the pages show it.
 *
 * @param file   the file it was found in
 * @param line   its line, or 0 when it concerns the whole file
 * @param reason why it could not be read, in Chinese
 * @param text   the kept text, line breaks as the file wrote them, or empty
 */
public record ProblemView(String file, int line, String reason, String text) {

    public static ProblemView of(Problem p) {
        return new ProblemView(p.where().file(), p.where().line(), ProblemReasons.chinese(p.reason()), p.text());
    }
}
