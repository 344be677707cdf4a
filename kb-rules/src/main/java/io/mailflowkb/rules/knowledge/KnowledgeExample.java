package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ExampleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An example with the knowledge folder it belongs to, the folder (relative to that one) its inputs are relative to,
 * and the file that declares it. Its inputs are read only from inside that knowledge folder: a knowledge folder is
 * data someone else may have written, and {@code kb rules test} must not become a way to read
 * {@code ../../../../etc/passwd} or whatever a symbolic link points at.
 *
 * <p>The folders are paths only when asked for ({@link #baseDir}, {@link #input}): for the knowledge packaged in
 * kb.jar that opens the jar as a file system, which loading the knowledge does not need (docs/perf.md, Start-up).
 *
 * @param source     the knowledge folder that declares it
 * @param folder     the folder of the declaring file, relative to {@code source}'s root, {@code /}-separated
 *                   ({@code ""}: the root itself)
 * @param declaredIn the declaring file as cited ({@code knowledge/...}), for messages
 */
public record KnowledgeExample(ExampleDefinition definition, KnowledgeSource source, String folder, String declaredIn) {
    public String name() {
        return definition.name();
    }

    /** Whether it is one of the product's own examples. */
    public boolean shipped() {
        return source.shipped();
    }

    /** The knowledge folder its inputs must stay inside. */
    public Path knowledgeRoot() {
        return source.root();
    }

    /** The folder its inputs are relative to: that of the file that declares it. */
    public Path baseDir() {
        return source.root().resolve(folder); // "" resolves to the root itself
    }

    /**
     * One input's content read straight from kb.jar, named as {@link #input} names it once the leading {@code /} is
     * dropped ({@code knowledge/...}), when this example is packaged in a jar whose folder is not open as a file
     * system; {@code null} when the input must be read as a {@link #input path} (a folder on disk or open already,
     * an input that is a folder, or one that is not a plain path inside the knowledge folder).
     */
    public KnowledgeSource.PackagedFile packagedInput(String relative) {
        return source.packagedFile(folder, relative);
    }

    /**
     * The path of one input, resolved against {@link #baseDir}.
     *
     * @throws ExampleInputOutsideException when it (or, for a symbolic link, what it points at) is outside
     *                                      {@link #knowledgeRoot}
     */
    public Path input(String relative) {
        Path root = knowledgeRoot().toAbsolutePath().normalize();
        Path p = baseDir().resolve(relative).toAbsolutePath().normalize();
        if (!p.startsWith(root)) {
            throw new ExampleInputOutsideException(this, relative, p);
        }
        if (Files.exists(p)) {
            try {
                Path real = p.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw new ExampleInputOutsideException(this, relative, real);
                }
            } catch (IOException e) {
                // unreadable: the collector reports that with the path, which is inside the folder
            }
        }
        return p;
    }
}
