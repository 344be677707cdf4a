package io.mailflowkb.rules.knowledge;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder of knowledge files: the shipped one (inside the jar, or a checkout's {@code knowledge/} folder standing in
 * for it) or a user's {@code --knowledge DIR}. {@link #forFolders} is the one place that decides which folders a
 * run loads; every entry point (the {@code Diagnostician}, every {@code kb} command) goes through it.
 *
 * @param root    the folder; example inputs are resolved against the folder of the file naming them
 * @param label   how rules from it are cited: {@code knowledge} for the shipped folder, the path for user folders
 * @param shipped whether it is the product's own knowledge
 */
public record KnowledgeSource(Path root, String label, boolean shipped) {

    /** Resource folder holding the shipped knowledge inside the kb-rules jar. */
    static final String RESOURCE = "knowledge";

    /** What marks a folder as a shipped-knowledge root (a checkout's {@code knowledge/}), not a user folder. */
    static final String SHIPPED_MARKER = "schema/knowledge.schema.json";

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
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return shippedAt(fs.getPath("/" + RESOURCE));
            }
            return shippedAt(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the shipped knowledge at " + url, e);
        }
    }

    /**
     * The knowledge files in it ({@code *.yaml}, {@code *.yml}, but not the inputs of examples under {@code examples/}
     * or {@code near-misses/} folders, nor {@code schema/}), in a stable order.
     */
    public List<Path> files() {
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
        String rel = root.relativize(file).toString().replace('\\', '/');
        return label.endsWith("/") ? label + rel : label + "/" + rel;
    }
}
