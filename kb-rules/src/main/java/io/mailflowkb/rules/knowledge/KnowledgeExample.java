package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ExampleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An example with the folder its inputs are relative to, the knowledge folder it belongs to, and the file that
 * declares it. Its inputs are read only from inside that knowledge folder: a knowledge folder is data someone
 * else may have written, and {@code kb rules test} must not become a way to read {@code ../../../../etc/passwd}
 * or whatever a symbolic link points at.
 */
public record KnowledgeExample(ExampleDefinition definition, Path baseDir, Path knowledgeRoot, String declaredIn,
                               boolean shipped) {
    public String name() {
        return definition.name();
    }

    /**
     * The path of one input, resolved against {@link #baseDir}.
     *
     * @throws ExampleInputOutsideException when it (or, for a symbolic link, what it points at) is outside
     *                                      {@link #knowledgeRoot}
     */
    public Path input(String relative) {
        Path root = knowledgeRoot.toAbsolutePath().normalize();
        Path p = baseDir.resolve(relative).toAbsolutePath().normalize();
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
