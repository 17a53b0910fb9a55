package telegraph.render;

/** A link as templates show it. */
public record Link(String href, String label) {
}
