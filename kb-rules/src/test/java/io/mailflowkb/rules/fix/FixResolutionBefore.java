package io.mailflowkb.rules.fix;

import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.model.fix.RegistryFix;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** FixResolution as it was before its answers were kept per set of versions (main ae3f3af). */
final class FixResolutionBefore {

    /** One entry made ready: its value and choice read once, its fix per TLS version named once. */
    private record Entry(RegistryFix everyVersion, Map<String, RegistryFix> byVersion) {

        static Entry of(FixDefinition e) {
            long value = e.dword();
            FixChoice choice = e.choice() == null ? null : FixChoice.of(e.choice());
            if (!e.versionDependent()) {
                return new Entry(new RegistryFix(e.key(), e.name(), value, null, choice), Map.of());
            }
            Map<String, RegistryFix> byVersion = new HashMap<>();
            for (String p : e.protocols()) {
                String key = e.key().replace(FixDefinition.VERSION, p);
                byVersion.put(p, new RegistryFix(key, e.name(), value, p, choice));
            }
            return new Entry(null, Map.copyOf(byVersion));
        }
    }

    private final List<FixDefinition> entries;
    /** The entries made ready on first use (a one-shot run resolves few findings); a benign race. */
    private List<Entry> ready;

    private FixResolutionBefore(List<FixDefinition> entries) {
        this.entries = entries;
    }

    /** A resolution for one finding's entries, made once and asked for each diagnosis. */
    static FixResolutionBefore of(List<FixDefinition> entries) {
        return new FixResolutionBefore(entries);
    }

    /**
     * The values for a finding whose matched facts are {@code facts}: each entry for every version as written, each
     * version-dependent one per TLS version the facts are about that it lists, in the entries' order.
     */
    public List<RegistryFix> values(Collection<?> facts) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<Entry> r = ready;
        if (r == null) {
            List<Entry> made = new ArrayList<>(entries.size());
            entries.forEach(e -> made.add(Entry.of(e)));
            r = List.copyOf(made);
            ready = r;
        }
        Set<String> protocols = null;
        List<RegistryFix> out = new ArrayList<>();
        for (Entry e : r) {
            if (e.everyVersion() != null) {
                out.add(e.everyVersion());
                continue;
            }
            if (protocols == null) {
                protocols = protocols(facts);
            }
            for (String p : protocols) {
                RegistryFix fix = e.byVersion().get(p);
                if (fix != null) {
                    out.add(fix);
                }
            }
        }
        return out;
    }

    /** The TLS versions the facts are about (SChannel states and Client/Server mismatches), in order. */
    static Set<String> protocols(Collection<?> facts) {
        Set<String> out = new TreeSet<>();
        for (Object f : facts) {
            if (f instanceof ProtocolMismatch m) {
                out.add(m.protocol());
            } else if (f instanceof ProtocolState s) {
                out.add(s.protocol());
            }
        }
        return out;
    }
}
