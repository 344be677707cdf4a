package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.ExampleDefinition;
import java.nio.file.Path;

/** An example with the folder its inputs are relative to and the file that declares it. */
public record KnowledgeExample(ExampleDefinition definition, Path baseDir, String declaredIn, boolean shipped) {
    public String name() {
        return definition.name();
    }
}
