package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How firmly the inputs prove a finding. {@link #LOWER} when the finding rests on symptoms or on a Windows default
 * while the setting that decides it was not in the inputs (the finding's "Collect next" asks for it).
 */
public enum Confidence {
    /** the deciding setting or an unambiguous symptom is in the inputs */
    HIGH,
    /** inferred from symptoms or defaults; the deciding evidence was not in the inputs */
    LOWER;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Confidence of(String id) {
        for (Confidence c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown confidence '" + id + "' (expected high or lower)");
    }
}
