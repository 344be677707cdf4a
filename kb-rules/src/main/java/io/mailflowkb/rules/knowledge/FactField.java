package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.WireValue;
import java.util.function.Function;

/**
 * One field of a fact type that knowledge files may test.
 *
 * @param choices for a {@link FieldKind#CHOICE} field, the enum of its closed vocabulary; {@code null} otherwise
 */
public record FactField<T>(String name, FieldKind kind, Function<T, Object> getter, String description,
                           Class<? extends WireValue> choices) {

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
