package io.mailflowkb.rules.fix;

import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.model.fix.RegistryFix;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a finding's knowledge {@code fix} entries into the values that fix it on this server
 * ({@link io.mailflowkb.model.finding.Finding#fix()}): entries for every version as written, and version-dependent
 * entries once per TLS version the finding's evidence is about, with {@code <version>} replaced.
 */
public final class FixResolution {

    private FixResolution() {
    }

    /** The values for a finding whose matched facts are {@code facts}. */
    public static List<RegistryFix> resolve(List<FixDefinition> entries, Collection<?> facts) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> protocols = protocols(facts);
        List<RegistryFix> out = new ArrayList<>();
        for (FixDefinition e : entries) {
            long value = e.dword();
            FixChoice choice = e.choice() == null ? null : FixChoice.of(e.choice());
            if (!e.versionDependent()) {
                out.add(new RegistryFix(e.key(), e.name(), value, null, choice));
                continue;
            }
            for (String p : protocols) {
                if (e.protocols().contains(p)) {
                    out.add(new RegistryFix(e.key().replace(FixDefinition.VERSION, p), e.name(), value, p, choice));
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
