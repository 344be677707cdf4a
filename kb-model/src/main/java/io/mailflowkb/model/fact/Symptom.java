package io.mailflowkb.model.fact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A symptom the knowledge declares (by id), seen in the inputs, aggregated: one fact per symptom, direction,
 * peer class and connector, however many lines showed it.
 *
 * @param id        the symptom id from the knowledge files, e.g. {@code socketerror-421}
 * @param text      one sample of the matched text as it appeared
 * @param direction which way the mail went ({@link FlowDirection#UNKNOWN} when the input does not say)
 * @param peerClass who the peer was ({@link PeerClass#UNKNOWN} when the input does not say)
 * @param connector the Exchange connector, or {@code null}
 * @param count     how many times it was seen (at least 1)
 * @param firstSeen ISO-8601 time of the first occurrence, or {@code null} when the input has no times
 * @param lastSeen  ISO-8601 time of the last occurrence, or {@code null}
 * @param samples   a few places it was seen (at least one), first one first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Symptom(String id, String text, FlowDirection direction, PeerClass peerClass, String connector, long count,
                      String firstSeen, String lastSeen, List<Provenance> samples) implements Fact {

    public Symptom {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("symptom without an id");
        }
        direction = direction == null ? FlowDirection.UNKNOWN : direction;
        peerClass = peerClass == null ? PeerClass.UNKNOWN : peerClass;
        count = Math.max(1, count);
        samples = samples == null ? List.of() : List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("symptom " + id + " without a sample provenance");
        }
    }

    public static Symptom seen(String id, String text, Provenance where) {
        return new Symptom(id, text, null, null, null, 1, null, null, List.of(where));
    }

    /** The same symptom with another count (e.g. 1, to describe it without "seen N times"). */
    public Symptom withCount(long newCount) {
        return new Symptom(id, text, direction, peerClass, connector, newCount, firstSeen, lastSeen, samples);
    }

    @Override
    public Provenance source() {
        return samples.get(0);
    }

    @Override
    public String describe() {
        String times = count > 1 ? " (seen " + count + " times)" : "";
        String dir = direction == FlowDirection.UNKNOWN ? "" : " [" + direction.id()
                + (peerClass == PeerClass.UNKNOWN ? "" : ", " + peerClass.id()) + "]";
        return (text == null || text.isBlank() ? id : text.strip()) + dir + times;
    }
}
