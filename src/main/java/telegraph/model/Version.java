package telegraph.model;

import java.time.OffsetDateTime;

/**
 * An earlier version of an item: the feed re-posts an item under the same title after an edit.
 * The shown item is the latest version; earlier ones stay reachable through it, under the ids
 * they had when they were shown themselves.
 */
public record Version(String id, OffsetDateTime time, String title, String dateline, String body, String source,
                      SourceLine origin, String clsId) {
}
