package telegraph.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import telegraph.render.ArchiveOutput;
import telegraph.render.SiteInfo;

/**
 * A hash of everything besides the day files that shapes the output: templates and assets
 * (the user's and the jar's), the vendored libraries, the program itself, the site options, and which archive-wide
 * outputs are built with what settings (an output added to an existing site must see every
 * month; a changed {@code topics.yml} changes every day page's topic links). When it changes,
 * every page is rebuilt.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Path userTemplates, SiteInfo site, List<ArchiveOutput> outputs) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "site", site.title() + "\n" + site.baseUrl());
        for (ArchiveOutput output : outputs) {
            update(digest, "output:" + output.getClass().getName(), "");
            digest.update(output.settings());
        }
        add(digest, "user:", ResourceTree.directory(userTemplates));
        add(digest, "jar:", ResourceTree.classpath("/templates"));
        add(digest, "vendor:", ResourceTree.classpath("/assets/vendor"));
        addProgram(digest);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A new version of the program may render differently: its jar is part of the fingerprint. */
    private static void addProgram(MessageDigest digest) throws IOException {
        java.security.CodeSource code = Fingerprint.class.getProtectionDomain().getCodeSource();
        if (code == null) {
            return;
        }
        try {
            Path jar = Path.of(code.getLocation().toURI());
            if (java.nio.file.Files.isRegularFile(jar)) {
                update(digest, "program", "");
                digest.update(java.nio.file.Files.readAllBytes(jar));
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            update(digest, "program", code.getLocation().toString());
        }
    }

    /** SHA-256 of bytes, as hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void add(MessageDigest digest, String prefix, Map<String, byte[]> files) {
        files.forEach((name, bytes) -> {
            update(digest, prefix + name, "");
            digest.update(bytes);
        });
    }

    private static void update(MessageDigest digest, String name, String value) {
        digest.update((name + "\0" + value + "\0").getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
