package io.mailflowkb.plugins.input;

import io.mailflowkb.model.spi.Claim;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.FactCollector;
import java.util.List;

/**
 * Picks the collector for a file from its content: every collector is asked to {@link FactCollector#claim claim}
 * it; the strongest claim wins, and between equal claims the collector listed first (the catalog sorts by id).
 * A collector whose claim throws is treated as not claiming (a plugin bug must not stop the walk).
 */
public final class ContentDetection {

    /** The winner and its claim. */
    public record Assignment(FactCollector collector, Claim claim) {
    }

    private ContentDetection() {
    }

    /** The best claim among {@code collectors}, or {@code null} when none claims the file. */
    public static Assignment best(List<FactCollector> collectors, EvidenceFile file) {
        Assignment best = null;
        for (FactCollector c : collectors) {
            Claim claim;
            try {
                claim = c.claim(file);
            } catch (RuntimeException e) {
                continue;
            }
            if (claim != null && claim.claimed() && (best == null || claim.beats(best.claim()))) {
                best = new Assignment(c, claim);
            }
        }
        return best;
    }

    /** Why no collector took a file, in the user's words. */
    public static String unclaimedReason(EvidenceFile file) {
        if (file.head().length == 0) {
            return "empty file";
        }
        if (file.encoding() == null) {
            return "binary content, not a kind of evidence kb reads";
        }
        return "no collector recognises this text";
    }
}
