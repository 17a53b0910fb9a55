package telegraph.topics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import telegraph.output.OutputWriter;

/**
 * What the topic output keeps between builds besides the month files, so that
 * {@link TopicOutput#finish} can update the archive-wide pages from the changed months only
 * (all under {@code .telegraph/topics/}, build state, not published):
 * <ul>
 *   <li>{@code states/KIND.json.gz}: every topic of a kind over the whole archive ({@link State}):
 *       its count, names and mentions per day for every month it occurs in, and its newest items,
 *       in slug order; one packed file per kind, not one per topic (a thousand small files cost
 *       more than the bytes, and the mentions per day compress well);</li>
 *   <li>{@code records/YYYY-MM.json}: which topics' pages reflect the month, and what they
 *       reflect of it ({@link MonthRecord}: a hash of each topic's part of the month file);</li>
 *   <li>{@code index.json}: the archive's months and every topic's name and count
 *       ({@link Index}), for the directory page.</li>
 * </ul>
 * Everything here is derived from the month files, deterministically, so a full build writes
 * the same bytes.
 */
final class TopicStore {

    static final String DIR = TopicPaths.STATE;
    static final String INDEX = DIR + "index.json";
    static final String MONTHS = DIR + "records/";
    static final String STATES = DIR + "states/";
    /** Where an older layout kept one state file per topic; a full update removes it. */
    private static final String OLD_STATES = DIR + "topics/";
    /** Present while a full update runs: an interrupted one is redone in full. */
    static final String FULL_MARKER = DIR + "full-update-running";
    /** The hash of a topic's month that is being updated: equals no real hash. */
    static final String DIRTY = "dirty";

    /**
     * A topic's part of one month, as the topic's page needs it.
     *
     * @param siblings a security's other share classes ({@link MonthFile.TopicMonth#siblings})
     */
    record MonthPart(String month, int count, String name, List<String> names, List<Integer> days,
                     List<String> siblings) {
    }

    /**
     * One topic over the whole archive.
     *
     * @param months its months, oldest first
     * @param latest its newest items, newest first, at most {@link MonthTopics#FEED_ENTRIES}
     */
    record State(TopicKind kind, String key, String slug, List<MonthPart> months, List<MonthFile.Entry> latest) {
    }

    record IndexEntry(TopicKind kind, String key, String slug, String name, int count) {
    }

    /** @param months the archive's months, oldest first, as of the last finished update */
    record Index(List<String> months, List<IndexEntry> topics) {
    }

    record RecordEntry(TopicKind kind, String key, String slug, String hash) {
    }

    /** @param topics in (kind, key) order */
    record MonthRecord(List<RecordEntry> topics) {
    }

    /** Something kept here is missing or unreadable: the caller redoes everything. */
    static final class Broken extends Exception {
        Broken(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<List<State>> STATE_LIST = new TypeReference<>() {
    };

    private final OutputWriter out;
    /** Packs read in this build, by kind: slug to state. */
    private final Map<TopicKind, Map<String, State>> packs = new EnumMap<>(TopicKind.class);

    TopicStore(OutputWriter out) {
        this.out = out;
    }

    static String packPath(TopicKind kind) {
        return STATES + kind.dir() + ".json.gz";
    }

    static String recordPath(YearMonth month) {
        return MONTHS + month + ".json";
    }

    /** A month file's topic as its topic's {@link State} keeps it. */
    static MonthPart part(YearMonth month, MonthFile.TopicMonth t) {
        List<Integer> days = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            days.add(t.days().getOrDefault(month.atDay(d).toString(), 0));
        }
        return new MonthPart(month.toString(), t.count(), t.name(), t.names(), days, t.siblings());
    }

    static LocalDate day(MonthPart part, int index) {
        return YearMonth.parse(part.month()).atDay(index + 1);
    }

    /**
     * What a month record says of a topic's part of the month file: the part and its items, not
     * where they stand in the file (an item added to the month moves every later one).
     */
    static String hash(MonthFile file, MonthFile.TopicMonth t) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(JSON.writeValueAsBytes(new MonthFile.TopicMonth(t.kind(), t.key(), t.slug(), t.name(), t.names(),
                    t.count(), t.days(), List.of(), Set.of(), t.siblings())));
            byte[] digest = sha.digest(JSON.writeValueAsBytes(file.entries(t, t.count())));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean fullUpdateInterrupted() {
        return Files.exists(out.resolve(FULL_MARKER));
    }

    void startFullUpdate() {
        out.writeBytes(FULL_MARKER, "a full update of the topic pages is running\n".getBytes(StandardCharsets.UTF_8));
    }

    void endFullUpdate() {
        out.delete(FULL_MARKER);
    }

    /** The index, or null when there is none or it cannot be read. */
    Index index() {
        Path file = out.resolve(INDEX);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), Index.class);
        } catch (IOException e) {
            return null;
        }
    }

    void write(Index index) {
        write(INDEX, index);
    }

    /** The topic's state, or null when there is none. */
    State state(TopicKind kind, String slug) throws Broken {
        return pack(kind).get(slug);
    }

    /** A kind's states by slug; empty when the kind has no pack. */
    private Map<String, State> pack(TopicKind kind) throws Broken {
        Map<String, State> pack = packs.get(kind);
        if (pack != null) {
            return pack;
        }
        pack = new TreeMap<>();
        Path file = out.resolve(packPath(kind));
        if (Files.isRegularFile(file)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                for (State state : JSON.readValue(in, STATE_LIST)) {
                    pack.put(state.slug(), state);
                }
            } catch (IOException e) {
                throw new Broken(file + ": " + e.getMessage());
            }
        }
        packs.put(kind, pack);
        return pack;
    }

    /** Replaces the states of the given topics and removes those of the gone ones, kind by kind. */
    void update(Collection<State> states, Map<MonthTopics.Id, String> gone) throws Broken {
        Set<TopicKind> kinds = EnumSet.noneOf(TopicKind.class);
        for (State state : states) {
            pack(state.kind()).put(state.slug(), state);
            kinds.add(state.kind());
        }
        for (Map.Entry<MonthTopics.Id, String> g : gone.entrySet()) {
            pack(g.getKey().kind()).remove(g.getValue());
            kinds.add(g.getKey().kind());
        }
        kinds.forEach(this::writePack);
    }

    /** Writes every topic's state, every kind's pack anew; removes what an older layout kept. */
    void replaceAll(Collection<State> states) {
        packs.clear();
        for (TopicKind kind : TopicKind.values()) {
            packs.put(kind, new TreeMap<>());
        }
        states.forEach(state -> packs.get(state.kind()).put(state.slug(), state));
        packs.keySet().forEach(this::writePack);
        for (TopicKind kind : TopicKind.values()) {
            for (Path file : TopicOutput.list(out.resolve(OLD_STATES + kind.dir()))) {
                out.delete(OLD_STATES + kind.dir() + "/" + file.getFileName());
            }
        }
    }

    /** Gzipped, in slug order, so that the same states give the same bytes. */
    private void writePack(TopicKind kind) {
        List<State> states = List.copyOf(packs.get(kind).values());
        if (states.isEmpty()) {
            out.delete(packPath(kind));
            return;
        }
        out.write(packPath(kind), stream -> {
            byte[] json = JSON.writeValueAsBytes(states);
            TopicPaths.STATE_DEFLATERS.gzip(json, json.length, stream);
        });
    }

    /** Months with a record. */
    Set<YearMonth> recordedMonths() {
        return TopicOutput.months(out.resolve(MONTHS), ".json");
    }

    /** The month's record; empty when the month was never recorded. */
    MonthRecord record(YearMonth month) throws Broken {
        Path file = out.resolve(recordPath(month));
        if (!Files.isRegularFile(file)) {
            return new MonthRecord(List.of());
        }
        try {
            return JSON.readValue(file.toFile(), MonthRecord.class);
        } catch (IOException e) {
            throw new Broken(file + ": " + e.getMessage());
        }
    }

    void write(YearMonth month, MonthRecord record) {
        write(recordPath(month), record);
    }

    void deleteRecord(YearMonth month) {
        out.delete(recordPath(month));
    }

    private void write(String path, Object value) {
        out.write(path, stream -> JSON.writeValue(stream, value));
    }

    /** A topic's record entry for its part of a month file. */
    static RecordEntry entry(MonthFile.TopicMonth t, String hash) {
        return new RecordEntry(t.kind(), t.key(), t.slug(), hash);
    }

    static MonthTopics.Id id(RecordEntry e) {
        return new MonthTopics.Id(e.kind(), e.key());
    }

    static MonthTopics.Id id(MonthFile.TopicMonth t) {
        return new MonthTopics.Id(t.kind(), t.key());
    }

    static MonthTopics.Id id(IndexEntry e) {
        return new MonthTopics.Id(e.kind(), e.key());
    }
}
