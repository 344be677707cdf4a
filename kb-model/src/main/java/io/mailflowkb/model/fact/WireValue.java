package io.mailflowkb.model.fact;

import java.util.ArrayList;
import java.util.List;

/**
 * A value of a closed vocabulary (an enum) with the spelling it has outside Java: in JSON output, fact bundles and
 * knowledge conditions ({@code exchange-online}, {@code os-default}). Spellings never change when a constant is
 * renamed, so bundles and knowledge files keep working.
 */
public interface WireValue {

    /** The spelling in JSON, bundles and knowledge files. */
    String id();

    /** The constant spelled {@code id}; otherwise an {@link IllegalArgumentException} naming the spellings. */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not one of " + spelledOut(type));
    }

    /** {@code outbound, inbound or unknown}: the spellings as a sentence names them. */
    static String spelledOut(Class<? extends WireValue> type) {
        List<String> all = spellings(type);
        return all.size() == 1 ? all.get(0)
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    /** Every spelling of the vocabulary, in declaration order. */
    static List<String> spellings(Class<? extends WireValue> type) {
        List<String> out = new ArrayList<>();
        for (WireValue v : type.getEnumConstants()) {
            out.add(v.id());
        }
        return out;
    }
}
