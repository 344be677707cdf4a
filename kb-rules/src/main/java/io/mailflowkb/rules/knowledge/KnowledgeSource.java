package io.mailflowkb.rules.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of knowledge files: the shipped one (inside the jar, or the {@code knowledge/} folder of a checkout)
 * or a user's {@code --knowledge DIR}.
 *
 * @param root    the folder; example inputs are resolved against the folder of the file naming them
 * @param label   how rules from it are cited: {@code knowledge} for the shipped folder, the path for user folders
 * @param shipped whether it is the product's own knowledge
 */
public record KnowledgeSource(Path root, String label, boolean shipped) {

    /** Resource folder holding the shipped knowledge inside the kb-rules jar. */
    static final String RESOURCE = "knowledge";

    public static KnowledgeSource userFolder(Path dir) {
        return new KnowledgeSource(dir, dir.toString(), false);
    }

    /**
     * The shipped knowledge: the {@code kb.knowledge.dir} system property when set (tests and development use the
     * checkout's folder), else the copy packaged in the jar.
     */
    public static KnowledgeSource builtIn() {
        String override = System.getProperty("kb.knowledge.dir");
        if (override != null && !override.isBlank()) {
            return new KnowledgeSource(Path.of(override), RESOURCE, true);
        }
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
                return new KnowledgeSource(fs.getPath("/" + RESOURCE), RESOURCE, true);
            }
            return new KnowledgeSource(Path.of(uri).getParent(), RESOURCE, true);
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
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !isUnder(p, "examples") && !isUnder(p, "near-misses") && !isUnder(p, "schema"))
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a file is named in citations: {@code knowledge/tls-deprecation/findings/tls12-client-disabled/finding.yaml}. */
    public String cite(Path file) {
        String rel = root.relativize(file).toString().replace('\\', '/');
        return label.endsWith("/") ? label + rel : label + "/" + rel;
    }

    private boolean isUnder(Path file, String folderName) {
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (rel.getName(i).toString().equals(folderName)) {
                return true;
            }
        }
        return false;
    }
}
