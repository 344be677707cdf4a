package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.WireValue;
import io.mailflowkb.rules.derive.WindowsReleases;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One field of a fact type that knowledge files may test.
 *
 * @param choices   for a {@link FieldKind#CHOICE} field, the enum of its closed vocabulary; {@code null} otherwise
 * @param fromTable for a field read through the knowledge's Windows release table ({@code windowsRelease}), how;
 *                  {@code null} otherwise. Such a field has a getter only once {@link #bound} to a loaded table.
 */
public record FactField<T>(String name, FieldKind kind, Function<T, Object> getter, String description,
                           Class<? extends WireValue> choices, BiFunction<T, WindowsReleases, Object> fromTable) {

    /** This field reading through {@code releases}, the table of the knowledge being compiled. */
    FactField<T> bound(WindowsReleases releases) {
        return fromTable == null ? this
                : new FactField<>(name, kind, f -> fromTable.apply(f, releases), description, choices, null);
    }

    /**
     * The constant a knowledge operand names: its spelling, ignoring case (conditions compared text that way
     * before the field was typed); otherwise an {@link IllegalArgumentException} listing the spellings.
     */
    WireValue choice(String spelling) {
        for (WireValue v : choices.getEnumConstants()) {
            if (v.id().equalsIgnoreCase(spelling)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + spelling + "' is not one of " + spellings());
    }

    /** {@code outbound, inbound or unknown}. */
    String spellings() {
        return WireValue.spelledOut(choices);
    }
}
