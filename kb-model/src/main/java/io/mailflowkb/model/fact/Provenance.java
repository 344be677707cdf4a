package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a fact was seen: the input it came from, the line in that input when it has lines, the object within it
 * when the line does not name it, and a free detail (a probe transcript, the log line).
 *
 * @param source the input's name as the user gave it (a file name, {@code probe:host:port}, {@code live-registry})
 * @param line   1-based line in {@code source}, or {@code null} when the input has no lines
 * @param detail extra context shown with the evidence, or {@code null}
 * @param record the record within the input, when several share a line: an event's EventRecordID ({@code wevtutil}
 *               writes every event on one line); {@code null} otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String source, Integer line, String detail, String record) {

    public Provenance(String source, Integer line, String detail) {
        this(source, line, detail, null);
    }

    public Provenance {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("provenance needs a source");
        }
        if (line != null && line < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + line);
        }
    }

    public static Provenance of(String source, int line) {
        return new Provenance(source, line, null);
    }

    public static Provenance of(String source) {
        return new Provenance(source, null, null);
    }

    /** {@code file:line}, or just the source when there is no line: the form evidence is cited in. */
    public String location() {
        return line == null ? source : source + ":" + line;
    }
}
