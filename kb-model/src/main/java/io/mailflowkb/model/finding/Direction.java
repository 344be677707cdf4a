package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which mail flow a finding affects, seen from the diagnosed server. */
public enum Direction {
    /** this server sends (to Exchange Online or another peer) */
    OUTBOUND,
    /** this server receives */
    INBOUND,
    /** both directions: Exchange is SMTP client and server at once */
    BOTH,
    /** the server itself, not a mail flow (hardening, HTTPS side effects) */
    LOCAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Direction of(String id) {
        for (Direction d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + id + "' (expected outbound, inbound, both or local)");
    }
}
