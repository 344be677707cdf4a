package io.mailflowkb.model.knowledge;

/** A place in a knowledge file, for error messages and for {@code kb rules list}. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
