package io.mailflowkb.rules.engine;

/**
 * A note a shipped correlation rule attaches to a finding (e.g. {@code root cause: tls12-client-disabled}); the
 * engine appends it to that finding's evidence. Notes for findings that did not fire are ignored.
 *
 * @param lowersConfidence the note says why the finding rests on symptoms or defaults only: the finding's
 *                         {@code confidence} becomes {@code lower}
 */
public record FindingNote(String findingId, String text, boolean lowersConfidence) {

    public FindingNote(String findingId, String text) {
        this(findingId, text, false);
    }

    /** A note that the finding's deciding evidence is not in the inputs (its text says which, and why). */
    public static FindingNote lowerConfidence(String findingId, String text) {
        return new FindingNote(findingId, "confidence: lower - " + text, true);
    }
}
