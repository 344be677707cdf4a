package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Windows events of one provider and id with the same data, aggregated.
 *
 * @param provider e.g. {@code Schannel}, {@code MSExchangeFrontEndTransport}
 * @param eventId  the event id, e.g. {@code 36887}
 * @param level    {@code Error}, {@code Warning}, {@code Information}, or {@code null}
 * @param data     named event data (e.g. {@code AlertDesc=70}, {@code ErrorState=10013}); sorted by name
 * @param message  the rendered message when the export has it, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRecord(String provider, int eventId, String level, Map<String, String> data, String message,
                          long count, String firstSeen, String lastSeen, List<Provenance> samples) implements Fact {

    public EventRecord {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("event without a provider");
        }
        data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
        count = Math.max(1, count);
        samples = samples == null ? List.of() : List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("event without a sample provenance");
        }
    }

    /** A named data item, or {@code null}. */
    public String datum(String name) {
        return data.get(name);
    }

    @Override
    public Provenance source() {
        return samples.get(0);
    }

    @Override
    public String describe() {
        return provider + " event " + eventId + (data.isEmpty() ? "" : " " + data)
                + (count > 1 ? " (" + count + " times)" : "");
    }
}
