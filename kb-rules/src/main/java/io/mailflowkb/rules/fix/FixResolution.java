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

/**
 * Turns a finding's knowledge {@code fix} entries into the values that fix it on this server
 * ({@link io.mailflowkb.model.finding.Finding#fix()}): entries for every version as written, and version-dependent
 * entries once per TLS version the finding's evidence is about, with {@code <version>} replaced. One resolution per
 * finding: an entry's value, choice and per-version key are the same in every diagnosis, so they are made once, and
 * so are the values for each set of versions.
 */
public final class FixResolution {

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

    /**
     * The entries made ready, with every answer {@link #values} can give: the values depend only on which of the
     * versions the entries list the facts are about, so each such set is resolved once (a warm diagnosis made a
     * sorted set of the versions and a list of the values per finding).
     */
    private static final class Ready {

        /** Up to this many listed versions (the knowledge lists at most four) the answers are kept per version set. */
        private static final int KEPT = 6;

        private final List<Entry> entries;
        /** The versions the version-dependent entries list, in the order {@link #protocols} gives them. */
        private final String[] versions;
        /** Per set of {@link #versions} (bit i: versions[i]), its values once resolved; a benign race. */
        private final List<RegistryFix>[] bySet;

        @SuppressWarnings("unchecked")
        Ready(List<Entry> entries, List<FixDefinition> definitions) {
            this.entries = entries;
            Set<String> listed = new TreeSet<>(); // the versions of byVersion's keys, read from the definitions
            for (FixDefinition d : definitions) {
                listed.addAll(d.protocols());
            }
            this.versions = listed.toArray(new String[0]);
            this.bySet = new List[versions.length <= KEPT ? 1 << versions.length : 0];
        }

        List<RegistryFix> values(Collection<?> facts) {
            if (versions.length == 0) {
                return answer(0);
            }
            int set = 0;
            for (Object f : facts) {
                String p = protocolOf(f);
                if (p != null) {
                    for (int i = 0; i < versions.length; i++) {
                        if (versions[i].equals(p)) {
                            set |= 1 << i;
                            break;
                        }
                    }
                }
            }
            return bySet.length == 0 ? List.copyOf(resolve(protocols(facts))) : answer(set);
        }

        private List<RegistryFix> answer(int set) {
            List<RegistryFix> values = bySet[set];
            if (values == null) {
                Set<String> protocols = new TreeSet<>();
                for (int i = 0; i < versions.length; i++) {
                    if ((set & 1 << i) != 0) {
                        protocols.add(versions[i]);
                    }
                }
                values = List.copyOf(resolve(protocols));
                bySet[set] = values;
            }
            return values;
        }

        /** Each entry for every version as written, each version-dependent one per version of {@code protocols}. */
        private List<RegistryFix> resolve(Set<String> protocols) {
            List<RegistryFix> out = new ArrayList<>();
            for (Entry e : entries) {
                if (e.everyVersion() != null) {
                    out.add(e.everyVersion());
                    continue;
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
    }

    private final List<FixDefinition> entries;
    /** The entries made ready on first use (a one-shot run resolves few findings); a benign race. */
    private Ready ready;

    private FixResolution(List<FixDefinition> entries) {
        this.entries = entries;
    }

    /** A resolution for one finding's entries, made once and asked for each diagnosis. */
    public static FixResolution of(List<FixDefinition> entries) {
        return new FixResolution(entries);
    }

    /**
     * The values for a finding whose matched facts are {@code facts}: each entry for every version as written, each
     * version-dependent one per TLS version the facts are about that it lists, in the entries' order. Immutable.
     */
    public List<RegistryFix> values(Collection<?> facts) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Ready r = ready;
        if (r == null) {
            List<Entry> made = new ArrayList<>(entries.size());
            for (FixDefinition e : entries) {
                made.add(Entry.of(e));
            }
            r = new Ready(List.copyOf(made), entries);
            ready = r;
        }
        return r.values(facts);
    }

    /** The TLS versions the facts are about (SChannel states and Client/Server mismatches), in order. */
    static Set<String> protocols(Collection<?> facts) {
        Set<String> out = new TreeSet<>();
        for (Object f : facts) {
            String p = protocolOf(f);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** The TLS version a fact is about: an SChannel state's or a Client/Server mismatch's; {@code null} for others. */
    private static String protocolOf(Object f) {
        return f instanceof ProtocolMismatch m ? m.protocol() : f instanceof ProtocolState s ? s.protocol() : null;
    }
}
