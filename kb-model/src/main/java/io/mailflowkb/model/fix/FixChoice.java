package io.mailflowkb.model.fix;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A decision only the administrator can make, which some fix values carry out. Whether TLS 1.0 and 1.1 stay on is
 * one: Exchange Online does not require turning them off, and turning them off can break internal legacy partners
 * ([S25][S26][S49] in docs/sources.md; docs/fix-scripts.md). A fix script writes such values only when the
 * administrator named the decision ({@code kb diagnose --legacy-tls on|off}).
 */
public enum FixChoice {
    LEGACY_TLS_ON("legacy-tls=on", "keep TLS 1.0/1.1 on"),
    LEGACY_TLS_OFF("legacy-tls=off", "turn TLS 1.0/1.1 off");

    private final String id;
    private final String meaning;

    FixChoice(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    /** As knowledge writes it ({@code choice: legacy-tls=on}). */
    @JsonValue
    public String id() {
        return id;
    }

    /** What the decision does, in words. */
    public String meaning() {
        return meaning;
    }

    /** The decision this is one answer to, e.g. {@code legacy-tls}. */
    public String question() {
        return id.substring(0, id.indexOf('='));
    }

    /** The CLI option that makes this decision, e.g. {@code --legacy-tls on}. */
    public String option() {
        int eq = id.indexOf('=');
        return "--" + id.substring(0, eq) + " " + id.substring(eq + 1);
    }

    @JsonCreator
    public static FixChoice of(String id) {
        for (FixChoice c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown fix choice '" + id + "' (expected " + known() + ")");
    }

    /** Every choice id, for messages. */
    public static String known() {
        return Arrays.stream(values()).map(FixChoice::id).collect(Collectors.joining(", "));
    }
}
