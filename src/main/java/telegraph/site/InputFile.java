package telegraph.site;

import java.nio.file.Path;

/**
 * A day file found in a content folder.
 *
 * @param path the file
 * @param name how reports name it: its path relative to its content folder
 */
public record InputFile(Path path, String name) {
}
