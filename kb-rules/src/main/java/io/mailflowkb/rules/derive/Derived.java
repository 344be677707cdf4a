package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.List;

/**
 * A fact the shipped rules derive from collected facts (not collected itself). Evidence for a finding that matched
 * it shows the registry values it was derived from, then {@link #describe()}.
 */
public interface Derived {

    /** Where the deciding input was seen. */
    Provenance source();

    /** One line a person can read as evidence. */
    String describe();

    /** The registry values that decided it (may be empty). */
    List<RegistryValue> values();
}
