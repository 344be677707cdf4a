package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a finding is. Declared most severe first, so natural order sorts findings for people. */
public enum Severity {
    CRITICAL, WARNING, INFO;

    /** Whether a finding of this severity makes {@code kb diagnose} exit with 1. */
    public boolean failsRun() {
        return this != INFO;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity of(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + id + "' (expected critical, warning or info)");
    }
}
