package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.KnowledgeFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The shipped knowledge files, parsed at build time: {@link #main} runs {@link KnowledgeReader} on every file of the
 * packaged {@code knowledge/} folder and stores what it returned ({@link RecordCodec}), so {@code kb diagnose}
 * needs neither SnakeYAML nor the YAML mapping. Everything after parsing (validation, overrides, compiling the
 * conditions) is the same {@link KnowledgeLoader} code either way, so the knowledge, its file:line provenance and
 * every diagnosis are identical.
 *
 * <p>Each entry carries the size and CRC-32 of the YAML it was made from; a file whose bytes differ (an edited
 * checkout under {@code kb.knowledge.dir}, a stale build) is parsed from YAML as before. A file the build could not
 * parse is left out, so its error is reported at run time exactly as without this form.
 *
 * <p>The build also loads the packaged folder alone with every check ({@link KnowledgeLoader}) and records whether
 * it passed. When it did and a run's shipped folder is exactly the files of the form, byte for byte, the checks of
 * single elements (which depend on nothing but the element) cannot find anything at run time either, so the loader
 * skips them for that folder ({@link #validatedAtBuild}); user folders are always checked in full.
 *
 * <p>When the form was read from the very jar whose packaged folder is the shipped folder, the build wrote both
 * together, so the form stands in for that folder ({@link #standsInFor}): its files are neither listed nor read to
 * compare their sizes and CRC-32s. A shipped folder on disk (a checkout, the build's output folder) is always listed
 * and compared byte for byte.
 */
public final class PrebuiltKnowledge {

    /** Class-path resource holding the parsed shipped files. */
    static final String RESOURCE = "META-INF/mailflowkb/knowledge.bin";
    private static final int MAGIC = 0x4b424b32; // "KBK2": KBK1 had no validated flag

    private static volatile PrebuiltKnowledge shipped;

    private final Map<String, Entry> entries;
    /** Whether the packaged folder, all of these files and no other, loaded without a problem at build time. */
    private final boolean validated;
    /** Where the form was read from (a {@code jar:} URI inside kb.jar, or a file in a folder of classes). */
    private final URI origin;

    private PrebuiltKnowledge(Map<String, Entry> entries, boolean validated, URI origin) {
        this.entries = entries;
        this.validated = validated;
        this.origin = origin;
    }

    /**
     * The form's files by path relative to the folder ({@code /}-separated), in the order {@link KnowledgeSource#files}
     * lists them, when they may stand in for listing {@code source} and reading its files: {@code source} is the
     * packaged folder of the jar the form was read from, and the build validated it whole (so the form holds every
     * file, none left out for a problem). {@code null} otherwise: a folder on disk, a user folder, another jar, or a
     * form whose build found a problem. Opens no file system: the packaged folder is known by its jar's URI.
     */
    static Map<String, KnowledgeFile> standsInFor(KnowledgeSource source) {
        // a folder on disk is never trusted, and is told apart before the form is waited for
        if (!source.shipped() || source.jar() == null
                && !"jar".equals(source.root().getFileSystem().provider().getScheme())) {
            return null;
        }
        return shipped().standingInFor(source);
    }

    /** {@link #standsInFor} for this form, wherever it was read from. */
    Map<String, KnowledgeFile> standingInFor(KnowledgeSource source) {
        if (!source.shipped() || !validated || !packagedFolderOf(origin, source)) {
            return null;
        }
        String prefix = source.label() + "/";
        // UTF-16 order is the listing's byte order for these (ASCII) names: '-' before '/' as in "a-b/" < "a/"
        Map<String, KnowledgeFile> files = new TreeMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                return null;
            }
            files.put(e.getKey().substring(prefix.length()), e.getValue().file);
        }
        return files;
    }

    /**
     * Whether {@code source} is the packaged knowledge folder ({@code /knowledge}) of the jar that holds the resource
     * at {@code form}: found on the class path in that jar ({@link KnowledgeSource#jar}), or that jar's folder opened
     * as a file system.
     */
    static boolean packagedFolderOf(URI form, KnowledgeSource source) {
        URI formJar = KnowledgeSource.jarOf(form);
        if (formJar == null) {
            return false;
        }
        if (source.jar() != null) {
            return formJar.equals(source.jar());
        }
        Path root = source.root();
        try {
            return FileSystems.getFileSystem(form) == root.getFileSystem()
                    && root.equals(root.getFileSystem().getPath("/" + KnowledgeSource.RESOURCE));
        } catch (FileSystemNotFoundException | ProviderNotFoundException | IllegalArgumentException e) {
            return false; // that jar is not open as a file system (or is no file at all), so root is not in it
        }
    }

    /**
     * Whether a source of {@code fileCount} files, {@code fromForm} of them (by citation) taken from the form, is
     * exactly the shipped folder the build validated: every file there, byte for byte, and no other.
     */
    static boolean validatedAtBuild(KnowledgeSource source, int fileCount, Set<String> fromForm) {
        if (!source.shipped()) {
            return false;
        }
        PrebuiltKnowledge p = shipped();
        return p.validated && fileCount == p.entries.size() && fromForm.equals(p.entries.keySet());
    }

    /** The parsed form of {@code file}, or {@code null} when there is none for exactly these bytes. */
    static KnowledgeFile lookup(KnowledgeSource source, Path file, String cited) {
        if (!source.shipped()) {
            return null;
        }
        Entry e = shipped().entries.get(cited);
        if (e == null) {
            return null;
        }
        try {
            if (Files.size(file) != e.size || crc(Files.readAllBytes(file)) != e.crc) {
                return null;
            }
        } catch (IOException ex) {
            return null;
        }
        return e.file;
    }

    /**
     * Decodes the shipped form now, on this thread, so that a load on another thread finds it ready: a preload
     * ({@code Diagnostician.preload}) runs this beside the thread that opens and lists the packaged folder, the two
     * halves of reading the shipped knowledge that need nothing from each other.
     */
    public static void decode() {
        shipped();
    }

    /**
     * Decoded once per JVM. Synchronized because a {@code Diagnostician.preload} thread and the caller's own load may
     * both want it: the second waits for the first instead of decoding it again.
     */
    private static PrebuiltKnowledge shipped() {
        PrebuiltKnowledge p = shipped;
        if (p == null) {
            synchronized (PrebuiltKnowledge.class) {
                p = shipped;
                if (p == null) {
                    p = read();
                    shipped = p;
                }
            }
        }
        return p;
    }

    private static PrebuiltKnowledge read() {
        return read(PrebuiltKnowledge.class.getClassLoader().getResource(RESOURCE));
    }

    /** The form at {@code url} (the class path's {@link #RESOURCE}; {@code null}: none, so no file is taken from it). */
    static PrebuiltKnowledge read(URL url) {
        Map<String, Entry> entries = new HashMap<>();
        if (url == null) {
            return new PrebuiltKnowledge(Map.of(), false, null);
        }
        URI origin;
        try {
            origin = url.toURI();
        } catch (URISyntaxException e) {
            origin = null; // read, but never trusted to stand in for a folder
        }
        try (InputStream raw = url.openStream()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            if (in.readInt() != MAGIC) {
                return new PrebuiltKnowledge(Map.of(), false, null);
            }
            boolean validated = in.readBoolean();
            RecordCodec.Reader reader = new RecordCodec.Reader(in);
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String cited = (String) reader.read();
                long size = in.readLong();
                long crc = in.readLong();
                entries.put(cited, new Entry((KnowledgeFile) reader.read(), size, crc));
            }
            return new PrebuiltKnowledge(entries, validated, origin);
        } catch (IOException | ClassCastException e) {
            // a form written for other code: the YAML is always there to fall back on
            return new PrebuiltKnowledge(Map.of(), false, null);
        }
    }

    /**
     * Build step (kb-rules' pom, process-classes): {@code PrebuiltKnowledge <knowledge folder> <output file>}. The
     * folder is the packaged copy in target/classes, cited as the shipped folder is at run time.
     */
    public static void main(String[] args) throws IOException {
        KnowledgeSource source = new KnowledgeSource(Path.of(args[0]), KnowledgeSource.RESOURCE, true);
        Path out = Path.of(args[1]);
        write(source, out, validates(source));
    }

    /** Whether the folder alone loads with every check and no problem (a problem is reported at run time). */
    static boolean validates(KnowledgeSource source) {
        try {
            KnowledgeLoader.load(List.of(source), false);
            return true;
        } catch (KnowledgeException e) {
            return false;
        }
    }

    static int write(KnowledgeSource source, Path out, boolean validated) throws IOException {
        List<Path> files = source.files();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        int written = 0;
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            RecordCodec.Writer writer = new RecordCodec.Writer(o);
            o.writeInt(MAGIC);
            Map<Path, KnowledgeFile> parsed = new LinkedHashMap<>();
            for (Path f : files) {
                try {
                    parsed.put(f, KnowledgeReader.read(f, source.cite(f)));
                } catch (KnowledgeException e) {
                    // left out: the run-time load reports it with its file and line
                }
            }
            o.writeBoolean(validated && parsed.size() == files.size());
            o.writeInt(parsed.size());
            for (Map.Entry<Path, KnowledgeFile> e : parsed.entrySet()) {
                byte[] bytes = Files.readAllBytes(e.getKey());
                writer.write(source.cite(e.getKey()));
                o.writeLong(bytes.length);
                o.writeLong(crc(bytes));
                writer.write(e.getValue());
                written++;
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return written;
    }

    private static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }

    /** For the build-time-form test: the parsed files by citation, as the jar carries them. */
    static Map<String, KnowledgeFile> shippedFiles() {
        Map<String, KnowledgeFile> m = new HashMap<>();
        shipped().entries.forEach((k, v) -> m.put(k, v.file));
        return m;
    }

    private record Entry(KnowledgeFile file, long size, long crc) {
    }
}
