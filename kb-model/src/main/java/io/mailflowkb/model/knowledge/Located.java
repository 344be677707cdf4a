package io.mailflowkb.model.knowledge;

/** A knowledge element that remembers where in which file it was written. */
public interface Located<T> {

    /** Where it was read from, or {@code null} when built in code. */
    SourceLocation at();

    /** A copy that remembers the given place. */
    T at(SourceLocation location);
}
