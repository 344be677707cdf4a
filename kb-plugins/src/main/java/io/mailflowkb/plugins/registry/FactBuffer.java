package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facts of one input in first-seen order, with import semantics applied: a value set twice keeps the last
 * data (as an import would leave it), {@code "x"=-} and {@code [-KEY]} remove what the file set before them
 * [S60][S71], a key repeated in one file is reported once at its first line.
 */
final class FactBuffer {

    private final Map<String, Fact> facts = new LinkedHashMap<>();

    void key(String key, boolean subtree, Provenance at) {
        String id = lower(key);
        facts.remove("D|" + id);
        facts.putIfAbsent("K|" + id, new RegistryKey(key, false, subtree, at));
    }

    void deleteKey(String key, Provenance at) {
        String id = lower(key);
        String below = id + "\\";
        facts.entrySet().removeIf(e -> {
            if (!(e.getValue() instanceof RegistryKey) && !(e.getValue() instanceof RegistryValue)) {
                return false;
            }
            String k = lower(e.getValue() instanceof RegistryKey rk ? rk.key() : ((RegistryValue) e.getValue()).key());
            return k.equals(id) || k.startsWith(below);
        });
        facts.putIfAbsent("D|" + id, new RegistryKey(key, true, true, at));
    }

    void value(RegistryValue value) {
        facts.put(valueId(value.key(), value.name()), value);
    }

    void deleteValue(String key, String name) {
        facts.remove(valueId(key, name));
    }

    List<Fact> drain() {
        List<Fact> out = new ArrayList<>(facts.values());
        facts.clear();
        return out;
    }

    private static String valueId(String key, String name) {
        return "V|" + lower(key) + "|" + name.toLowerCase(Locale.ROOT);
    }

    private static String lower(String key) {
        return RegistryPaths.canonical(key).toLowerCase(Locale.ROOT);
    }
}
