package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fact that proved a finding, or a note the correlation rules attach to it. In JSON it is
 * {@code {"source": "file:line", "fact": ...}} ({@link #source()}); in Java each part is its own component, so no
 * code has to take a location apart or recognise a marker in it.
 *
 * @param kind   what was cited
 * @param input  the input as the user named it ({@code schannel.reg}, {@code probe:host:port}); for a
 *               {@link Kind#CORRELATION} note the word {@code correlation}
 * @param line   1-based line in {@code input}, or {@code null} when the input has no lines
 * @param object the object within the input when the line alone does not name it: the registry key and value, an
 *               event's EventRecordID, a connector's or certificate's identity; {@code null} otherwise
 * @param fact   the fact in words, e.g. {@code SCHANNEL TLS 1.2\Client Enabled = 0}
 */
public record Evidence(Kind kind, String input, Integer line, String object, String fact) {

    /** What an evidence line cites. */
    public enum Kind {
        /** a line of a log, queue, NDR or other text input */
        LINE,
        /** a registry value or key */
        REGISTRY,
        /** a Windows event record */
        EVENT,
        /** a connector, certificate or hybrid configuration object of an Exchange export */
        CONNECTOR,
        /** a live probe connection */
        PROBE,
        /** what the rules concluded from the facts cited before it */
        CONCLUSION,
        /** a note of the correlation rules: root cause, confirmation, why the confidence is lower */
        CORRELATION,
        /** read back from a diagnosis in JSON, which keeps only the location text */
        RECORDED
    }

    /** The {@code source} of a correlation note in JSON. */
    public static final String CORRELATION_SOURCE = "correlation";

    public Evidence {
        if (kind == null || input == null || fact == null) {
            throw new IllegalArgumentException("evidence needs a kind, an input and a fact");
        }
    }

    /** Evidence known only by its location text, as JSON keeps it (see {@link #fromJson}). */
    public Evidence(String source, String fact) {
        this(Kind.RECORDED, source, null, null, fact);
    }

    /** A correlation note. */
    public static Evidence note(String text) {
        return new Evidence(Kind.CORRELATION, CORRELATION_SOURCE, null, null, text);
    }

    /** {@code file:line}, or just the input when it has no lines: the form evidence is cited in. */
    public String source() {
        return line == null ? input : input + ":" + line;
    }

    @JsonValue
    Map<String, String> json() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("source", source());
        out.put("fact", fact);
        return out;
    }

    /**
     * Evidence read back from a diagnosis in JSON ({@code --baseline}): the location stays one text, as it was
     * written (a file name may hold a colon), and only a correlation note is recognised.
     */
    @JsonCreator
    static Evidence fromJson(@JsonProperty("source") String source, @JsonProperty("fact") String fact) {
        return CORRELATION_SOURCE.equals(source) ? note(fact)
                : new Evidence(source, fact);
    }

    /**
     * The record's own equality, written out: the generated one is linked by {@code invokedynamic}
     * ({@code ObjectMethods}) on its first call, which cost a cold {@code kb diagnose} a few milliseconds on its
     * critical path, after the rule engine (the engine compares evidence while assembling findings; docs/perf.md).
     * Component by component, as the record's; {@code EvidenceTest} checks both against each component.
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Evidence e && kind == e.kind && input.equals(e.input)
                && Objects.equals(line, e.line) && Objects.equals(object, e.object) && fact.equals(e.fact);
    }

    /** As the record's: each component's hash, combined as {@code 31 * h + next} from 0. */
    @Override
    public int hashCode() {
        int h = Objects.hashCode(kind);
        h = 31 * h + input.hashCode();
        h = 31 * h + Objects.hashCode(line);
        h = 31 * h + Objects.hashCode(object);
        return 31 * h + fact.hashCode();
    }

    /** The JSON pair as text; the engine sorts evidence lists by it, so it must not change with the components. */
    @Override
    public String toString() {
        return "Evidence[source=" + source() + ", fact=" + fact + "]";
    }
}
