package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An input naming the server it came from in passing, where no host profile says so: a queue's {@code Identity}
 * ({@code EX02\42}) or an event's {@code <Computer>}. The report header uses these only when neither the
 * ComputerName export, the collection manifest nor Get-ExchangeServer names the computer, and says which one it
 * used; receive connectors ({@code SERVER\Name}) are read from their own facts.
 *
 * @param name   the computer name as written (an event's FQDN is kept whole; the header shows its first label)
 * @param basis  what kind of input named it
 * @param source where
 */
public record ServerName(String name, Basis basis, Provenance source) implements Fact {

    public ServerName {
        if (name == null || name.isBlank() || basis == null || source == null) {
            throw new IllegalArgumentException("a server name needs a name, a basis and a source");
        }
        name = name.strip();
    }

    /** The inputs that name a server in passing, most trusted first (the order the report header tries them). */
    public enum Basis {
        /** A Windows event's {@code <Computer>}: the computer that logged it (its FQDN). */
        EVENT_COMPUTER("event-computer", "the event Computer"),
        /** {@code Get-Queue}'s {@code Identity}: {@code SERVER\queue}, written by the server that holds the queue. */
        QUEUE_IDENTITY("queue-identity", "the queue Identity");

        private final String id;
        private final String words;

        Basis(String id, String words) {
            this.id = id;
            this.words = words;
        }

        @JsonValue
        public String id() {
            return id;
        }

        /** {@code the queue Identity}: how the report header names where the name came from. */
        public String words() {
            return words;
        }

        @JsonCreator
        public static Basis of(String id) {
            for (Basis b : values()) {
                if (b.id.equals(id)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown server name basis '" + id + "' (queue-identity or "
                    + "event-computer)");
        }
    }

    /** The computer name without a domain: {@code ex02.contoso.com} gives {@code EX02}-style first label. */
    public String computer() {
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return "server " + name + " (" + basis.words() + ")";
    }
}
