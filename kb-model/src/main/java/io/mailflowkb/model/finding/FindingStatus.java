package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A finding compared with a baseline diagnosis ({@code kb diagnose --baseline}): seen there too, or not. */
public enum FindingStatus {
    NEW("new"), STILL_PRESENT("still-present");

    private final String id;

    FindingStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static FindingStatus of(String id) {
        for (FindingStatus s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + id + "' (expected new or still-present)");
    }
}
