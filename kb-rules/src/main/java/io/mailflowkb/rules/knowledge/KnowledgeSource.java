package io.mailflowkb.rules.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A folder of knowledge files: the shipped one (inside the jar, or a checkout's {@code knowledge/} folder standing in
 * for it) or a user's {@code --knowledge DIR}. {@link #forFolders} is the one place that decides which folders a
 * run loads; every entry point (the {@code Diagnostician}, every {@code kb} command) goes through it.
 *
 * <p>The packaged folder inside a jar is opened as a file system only when something asks for its {@link #root}:
 * reading an example's inputs, or listing the folder when the build-time form cannot stand in for it. Opening a
 * 6,600-entry jar so reads its whole central directory, a tenth of a cold {@code kb diagnose}, and loading the
 * shipped knowledge from the jar it came with needs no path in it ({@link PrebuiltKnowledge#standsInFor}).
 */
public final class KnowledgeSource {

    /** Resource folder holding the shipped knowledge inside the kb-rules jar. */
    static final String RESOURCE = "knowledge";

    /** What marks a folder as a shipped-knowledge root (a checkout's {@code knowledge/}), not a user folder. */
    static final String SHIPPED_MARKER = "schema/knowledge.schema.json";

    /** The jar ({@code file:} URI) whose {@code /knowledge} folder this is, or {@code null}: a folder given as a path. */
    private final URI jar;
    private final String label;
    private final boolean shipped;
    /** The folder; for {@link #jar}, {@code null} until {@link #root} opens the jar. */
    private volatile Path root;

    /**
     * @param root    the folder; example inputs are resolved against the folder of the file naming them
     * @param label   how rules from it are cited: {@code knowledge} for the shipped folder, the path for user folders
     * @param shipped whether it is the product's own knowledge
     */
    public KnowledgeSource(Path root, String label, boolean shipped) {
        this(null, root, label, shipped);
    }

    private KnowledgeSource(URI jar, Path root, String label, boolean shipped) {
        this.jar = jar;
        this.root = root;
        this.label = label;
        this.shipped = shipped;
    }

    /**
     * The sources for the folders a user named, in load order. A first folder that is a shipped-knowledge root
     * (it holds {@value #SHIPPED_MARKER}, as a checkout's {@code knowledge/} does) replaces the copy packaged in
     * the jar, so knowledge authors can validate, test and diagnose with their edits of the shipped files without
     * every id being defined twice; otherwise the packaged knowledge comes first. Every other folder is a user
     * folder on top, applied in order.
     */
    public static List<KnowledgeSource> forFolders(List<Path> folders) {
        List<KnowledgeSource> sources = new ArrayList<>();
        List<Path> user = folders;
        if (!folders.isEmpty() && Files.isRegularFile(folders.get(0).resolve(SHIPPED_MARKER))) {
            sources.add(shippedAt(folders.get(0)));
            user = folders.subList(1, folders.size());
        } else {
            sources.add(packaged());
        }
        user.forEach(d -> sources.add(userFolder(d)));
        return List.copyOf(sources);
    }

    public static KnowledgeSource userFolder(Path dir) {
        return new KnowledgeSource(dir, dir.toString(), false);
    }

    /** A folder holding the shipped knowledge (a checkout's {@code knowledge/}, or the build's copy of it). */
    public static KnowledgeSource shippedAt(Path root) {
        return new KnowledgeSource(root, RESOURCE, true);
    }

    /** The shipped knowledge as packaged: the jar's copy, or the build's output folder when run from classes. */
    private static KnowledgeSource packaged() {
        URL url = KnowledgeSource.class.getClassLoader().getResource(RESOURCE + "/README.md");
        if (url == null) {
            throw new IllegalStateException("shipped knowledge missing from the class path (" + RESOURCE + "/)");
        }
        return packagedAt(url);
    }

    /** The packaged folder holding the resource {@code readme} ({@code knowledge/README.md}), not opened yet. */
    static KnowledgeSource packagedAt(URL readme) {
        try {
            URI uri = readme.toURI();
            if ("jar".equals(uri.getScheme())) {
                return new KnowledgeSource(jarOf(uri), null, RESOURCE, true);
            }
            return shippedAt(Path.of(uri).getParent());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot open the shipped knowledge at " + readme, e);
        }
    }

    /**
     * The jar file's URI of a {@code jar:} URI ({@code jar:file:/x/kb.jar!/knowledge/README.md} ->
     * {@code file:/x/kb.jar}), as its raw text so two spellings from one class loader compare equal; {@code null}
     * for any other URI.
     */
    static URI jarOf(URI uri) {
        if (uri == null || !"jar".equals(uri.getScheme())) {
            return null;
        }
        String spec = uri.getRawSchemeSpecificPart();
        int sep = spec.indexOf("!/");
        return URI.create(sep < 0 ? spec : spec.substring(0, sep));
    }

    /** The jar whose packaged folder this is when it was found on the class path, unopened; else {@code null}. */
    URI jar() {
        return jar;
    }

    /** The folder; the packaged folder of a jar is opened as a file system here, once, on first use. */
    public Path root() {
        Path r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = openJar(jar);
                    root = r;
                }
            }
        }
        return r;
    }

    private static Path openJar(URI jar) {
        URI uri = URI.create("jar:" + jar);
        try {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath("/" + RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the shipped knowledge in " + jar, e);
        }
    }

    /** A regular file of the jar's packaged folder, read from the jar's directory: its name as cited and its bytes. */
    public record PackagedFile(String name, byte[] content) {
    }

    /**
     * The file {@code relative} to {@code folder} (both {@code /}-separated, relative to the root) when this is a
     * jar's packaged folder that has not been opened as a file system: read through {@link ZipFile}, which shares
     * the directory the class loader has read already, so reading an example's input costs no file system over the
     * jar (opening one is a sixth of a cold {@code kb diagnose --example}, docs/perf.md). {@code null} when the
     * folder is on disk or open already, when the path is absolute or leaves the folder, or when it names no regular
     * file (a folder, nothing): the caller then resolves it as a path, which refuses what leaves the folder.
     */
    PackagedFile packagedFile(String folder, String relative) {
        String inside = jar == null || root != null ? null : insideRoot(folder, relative);
        if (inside == null) {
            return null;
        }
        String entryName = RESOURCE + "/" + inside;
        try (ZipFile zip = new ZipFile(Path.of(jar).toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null || entry.isDirectory() || !entry.getName().equals(entryName)) {
                return null; // getEntry also answers "name/" for "name": a folder is walked as a path
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new PackagedFile(entryName, in.readAllBytes());
            }
        } catch (IOException | RuntimeException e) {
            return null; // read as a path, which reports what is wrong with the file's name
        }
    }

    /** {@code folder/relative} with {@code .} and {@code ..} resolved; {@code null} when absolute or outside. */
    static String insideRoot(String folder, String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) {
            return null;
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : (folder.isEmpty() ? relative : folder + "/" + relative).split("/")) {
            if (part.equals("..")) {
                if (parts.pollLast() == null) {
                    return null;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** How rules from it are cited: {@code knowledge} for the shipped folder, the path for user folders. */
    public String label() {
        return label;
    }

    /** Whether it is the product's own knowledge. */
    public boolean shipped() {
        return shipped;
    }

    /**
     * The knowledge files in it ({@code *.yaml}, {@code *.yml}, but not the inputs of examples under {@code examples/}
     * or {@code near-misses/} folders, nor {@code schema/}), in a stable order.
     */
    public List<Path> files() {
        Path root = root();
        if (!Files.isDirectory(root)) {
            throw new KnowledgeException(List.of(new KnowledgeProblem(label, null, null,
                    "not a folder of knowledge files")));
        }
        // the example, near-miss and schema folders are skipped whole, not walked and filtered: in the jar they
        // hold most of the entries, and walking the jar's file system is a tenth of a cold diagnosis
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED.contains(name(dir)) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String n = name(file);
                    if ((n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return List.copyOf(found);
    }

    /** Folders whose files are never knowledge files: example inputs, near-miss inputs, the JSON schema. */
    private static final Set<String> SKIPPED = Set.of("examples", "near-misses", "schema");

    private static String name(Path p) {
        Path n = p.getFileName();
        return n == null ? "" : n.toString();
    }

    /** How a file is named in citations: {@code knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml}. */
    public String cite(Path file) {
        return cite(relative(file));
    }

    /** The path of {@code file} relative to the root, {@code /}-separated. */
    String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }

    /** How the file at {@code relative} (to the root, {@code /}-separated) is named in citations. */
    String cite(String relative) {
        return label.endsWith("/") ? label + relative : label + "/" + relative;
    }

    /** The same folder: the same jar's packaged folder (opened or not), or the same path; same label and role. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KnowledgeSource k && shipped == k.shipped && label.equals(k.label)
                && (jar != null ? jar.equals(k.jar) : k.jar == null && Objects.equals(root, k.root));
    }

    @Override
    public int hashCode() {
        return Objects.hash(jar != null ? jar : root, label, shipped);
    }

    @Override
    public String toString() {
        return "KnowledgeSource[" + (jar != null ? "jar:" + jar + "!/" + RESOURCE : root) + ", " + label + ", "
                + (shipped ? "shipped" : "user") + "]";
    }
}
