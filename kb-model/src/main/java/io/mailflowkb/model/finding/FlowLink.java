package io.mailflowkb.model.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One mail flow between the diagnosed server and a peer, as the evidence shows it: the arrows of the HTML report's
 * mail-flow picture.
 *
 * @param peer        {@code Exchange Online}, or a probed {@code host:port}
 * @param direction   {@code outbound} (this server sends) or {@code inbound} (it receives)
 * @param state       works, fails or unknown
 * @param basis       what decided the state, in words (e.g. {@code 37 sessions negotiated TLS 1.2})
 * @param explainedBy ids of the findings that explain a failure, root cause first
 */
@JsonPropertyOrder({"peer", "direction", "state", "basis", "explainedBy"})
public record FlowLink(String peer, Direction direction, State state, String basis, List<String> explainedBy) {

    public static final String EXCHANGE_ONLINE = "Exchange Online";

    public FlowLink {
        explainedBy = explainedBy == null ? List.of() : List.copyOf(explainedBy);
    }

    /** Whether mail is seen to flow. */
    public enum State {
        WORKS, FAILS, UNKNOWN;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static State of(String id) {
            for (State s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown flow state '" + id + "' (expected works, fails or unknown)");
        }
    }
}
