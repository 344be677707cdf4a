package io.mailflowkb.rules.engine;

/**
 * A note a shipped correlation rule attaches to a finding (e.g. {@code root cause: tls12-client-disabled}); the
 * engine appends it to that finding's evidence. Notes for findings that did not fire are ignored. A note that
 * starts with {@link #ROOT_CAUSE} also orders the report: the finding it names comes before this one.
 *
 * @param lowersConfidence the note says why the finding rests on symptoms or defaults only: the finding's
 *                         {@code confidence} becomes {@code lower}
 */
public record FindingNote(String findingId, String text, boolean lowersConfidence) {

    /** The prefix of a note naming a root cause: {@code root cause: <finding id>}. */
    public static final String ROOT_CAUSE = "root cause: ";

    /** The prefix of a {@link #lowerConfidence} note. */
    public static final String LOWER_CONFIDENCE = "confidence: lower - ";

    public FindingNote(String findingId, String text) {
        this(findingId, text, false);
    }

    /** A note that the finding's deciding evidence is not in the inputs (its text says which, and why). */
    public static FindingNote lowerConfidence(String findingId, String text) {
        return new FindingNote(findingId, LOWER_CONFIDENCE + text, true);
    }

    /** The finding id a root-cause note names, or {@code null} for any other note. */
    public static String rootCauseIn(String text) {
        if (text == null || !text.startsWith(ROOT_CAUSE)) {
            return null;
        }
        String id = text.substring(ROOT_CAUSE.length()).strip();
        int end = id.indexOf(' ');
        return end < 0 ? id : id.substring(0, end);
    }
}
