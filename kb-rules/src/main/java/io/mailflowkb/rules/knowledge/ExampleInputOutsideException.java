package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.InvalidInputException;
import java.nio.file.Path;

/** An example input that resolves outside its knowledge folder: refused, as bad input (exit 2), never read. */
public final class ExampleInputOutsideException extends InvalidInputException {

    ExampleInputOutsideException(KnowledgeExample example, String input, Path resolved) {
        super(example.declaredIn(), null, "example " + example.name() + ": input '" + input + "' resolves to "
                + resolved + ", outside the knowledge folder " + example.knowledgeRoot()
                + " (example inputs are read only from inside it)");
    }
}
