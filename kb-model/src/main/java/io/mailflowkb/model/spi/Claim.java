package io.mailflowkb.model.spi;

import java.util.Objects;

/**
 * A collector's answer to "is this file yours?", judged from the file's first bytes ({@link EvidenceFile#head()}),
 * never from its name. The strongest claim wins; between equal claims the collector listed first by id wins.
 *
 * @param strength how sure the collector is
 * @param kind     what the file is, in the user's words ({@code registry export}, {@code SMTP send protocol log},
 *                 {@code queue text}); shown in {@code inputs} and in "this is a ..." hints. Empty for {@link #NONE}.
 */
public record Claim(Strength strength, String kind) {

    public enum Strength {
        /** Not this collector's. */
        NONE,
        /** Readable as generic text if nothing recognises the format (e.g. "any text log"). */
        FALLBACK,
        /** The collector recognises the format itself (a header, a signature, a distinctive structure). */
        FORMAT
    }

    /** Not claimed. */
    public static final Claim NONE = new Claim(Strength.NONE, "");

    public Claim {
        Objects.requireNonNull(strength, "strength");
        kind = kind == null ? "" : kind;
    }

    /** The collector recognises this format. */
    public static Claim format(String kind) {
        return new Claim(Strength.FORMAT, kind);
    }

    /** The collector can read it as generic text. */
    public static Claim fallback(String kind) {
        return new Claim(Strength.FALLBACK, kind);
    }

    public boolean claimed() {
        return strength != Strength.NONE;
    }

    /** Whether this claim beats the other one (strictly stronger). */
    public boolean beats(Claim other) {
        return strength.compareTo(other.strength) > 0;
    }
}
