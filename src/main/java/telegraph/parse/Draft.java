package telegraph.parse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import telegraph.model.Channel;
import telegraph.model.Level;
import telegraph.model.SourceLine;

/**
 * An item being assembled from one or more sources. Mutable on purpose and private to
 * assembly: the finished value is the immutable {@link telegraph.model.Item}.
 */
final class Draft {
    LocalDateTime time;
    RawItem kept;
    ItemParts parts;
    String key;
    Level level;
    final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    final List<SourceLine> sources = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    final Set<Layout> layouts = EnumSet.noneOf(Layout.class);
    String clsId = "";
    String url = "";
    List<String> subjects = List.of();
    boolean exactSeconds;

    Draft(DayFile file, RawItem raw, ItemParts parts, Level level, Channel channel) {
        this.time = raw.time();
        this.kept = raw;
        this.parts = parts;
        this.key = ItemKeys.comparable(parts.text());
        this.level = level;
        channels.add(channel);
        absorb(file, raw);
    }

    /**
     * Takes what another source knows of the same item: the fuller text, seconds, id, subjects. A
     * text with undecodable bytes (shown as U+FFFD) never wins over one without: a copy of the item
     * in a damaged file would hide its readable copy, being longer in bytes garbled.
     */
    void merge(DayFile otherFile, RawItem raw, ItemParts otherParts, Level otherLevel, Channel channel) {
        String otherKey = ItemKeys.comparable(otherParts.text());
        boolean garbled = garbled(parts.text());
        boolean fuller = otherKey.length() > key.length() || (kept.extras().truncated() && !raw.extras().truncated()
                && otherKey.length() >= key.length());
        if (garbled != garbled(otherParts.text()) ? garbled : fuller) {
            kept = raw;
            parts = otherParts;
            key = otherKey;
        }
        level = level.max(otherLevel);
        channels.add(channel);
        absorb(otherFile, raw);
    }

    private static boolean garbled(String text) {
        return text.indexOf('\uFFFD') >= 0;
    }

    private void absorb(DayFile fromFile, RawItem raw) {
        sources.add(raw.where());
        files.add(fromFile.name());
        layouts.add(fromFile.layout());
        Extras extras = raw.extras();
        if (clsId.isEmpty()) {
            clsId = extras.clsId();
        }
        if (url.isEmpty()) {
            url = extras.url();
        }
        if (subjects.isEmpty()) {
            subjects = extras.subjects();
        }
        if (extras.seconds() && !exactSeconds) {
            exactSeconds = true;
            time = raw.time();
        }
    }

    boolean truncated() {
        return kept.extras().truncated();
    }
}
