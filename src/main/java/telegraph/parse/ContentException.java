package telegraph.parse;

/** The content folder itself cannot be used; nothing can be built. */
public final class ContentException extends Exception {
    public ContentException(String message) {
        super(message);
    }
}
