package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.SourceLocation;

/** One thing wrong in a knowledge file, with where it is. */
public record KnowledgeProblem(String file, Integer line, Integer column, String message) {

    static KnowledgeProblem at(SourceLocation at, String fallbackFile, String message) {
        return at == null ? new KnowledgeProblem(fallbackFile, null, null, message)
                : new KnowledgeProblem(at.file(), at.line(), at.column(), message);
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column)) + ": " + message;
    }
}
