package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.StepDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a finding's structured {@code fix} entries. They end up in generated scripts, so they are held to a
 * narrow shape: HKLM keys made of ordinary path characters, plain value names, REG_DWORD data only.
 */
public final class FixCheck {

    public static final int MAX_ENTRIES = 32;
    /** Letters, digits, spaces and the punctuation real key paths use; no quotes, no %, no $, no backtick. */
    private static final Pattern KEY = Pattern.compile("HKLM\\\\[A-Za-z0-9 ._()\\\\-]{1,250}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,100}");
    /** The versions a version-dependent entry may name: SChannel's protocol key names (docs/fix-scripts.md). */
    private static final Set<String> PROTOCOLS = Set.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");
    /** The versions whose on-or-off is the administrator's decision (docs/fix-scripts.md, "mismatch and half disabled"). */
    private static final Set<String> LEGACY = Set.of("TLS 1.0", "TLS 1.1");

    private FixCheck() {
    }

    static List<String> check(List<FixDefinition> fix, String what) {
        List<String> problems = new ArrayList<>();
        if (fix.size() > MAX_ENTRIES) {
            problems.add(what + ": more than " + MAX_ENTRIES + " fix entries");
        }
        for (FixDefinition f : fix) {
            String key = f.key() == null ? null : f.key().replace(FixDefinition.VERSION, "TLS 1.2");
            if (f.key() != null && f.key().contains(FixDefinition.VERSION) && !f.versionDependent()) {
                problems.add(what + ": fix key '" + f.key() + "' says " + FixDefinition.VERSION
                        + " but the entry names no protocols");
            } else if (key == null || !KEY.matcher(key).matches() || key.endsWith("\\")) {
                problems.add(what + ": fix key '" + f.key() + "' must be an HKLM\\ path of letters, digits, spaces and . _ ( ) -");
            }
            if (f.name() == null || !NAME.matcher(f.name()).matches()) {
                problems.add(what + ": fix value name '" + f.name() + "' must be letters, digits, spaces and . _ -");
            }
            if (!"REG_DWORD".equals(f.type())) {
                problems.add(what + ": fix type must be REG_DWORD, got '" + f.type() + "'");
            }
            if (f.dword() == null) {
                problems.add(what + ": fix value '" + f.value() + "' must be a number from 0 to 0xffffffff");
            }
            for (String p : f.protocols()) {
                if (!PROTOCOLS.contains(p)) {
                    problems.add(what + ": fix protocol '" + p + "' must be one of TLS 1.0, TLS 1.1, TLS 1.2, TLS 1.3");
                }
            }
            if (f.choice() != null) {
                if (!isChoice(f.choice())) {
                    problems.add(what + ": fix choice '" + f.choice() + "' must be one of " + FixChoice.known());
                } else if (!f.versionDependent() || !LEGACY.containsAll(f.protocols())) {
                    problems.add(what + ": fix choice '" + f.choice() + "' is for TLS 1.0/TLS 1.1 entries only"
                            + " (give protocols: [TLS 1.0, TLS 1.1])");
                }
            }
        }
        return problems;
    }

    private static boolean isChoice(String id) {
        try {
            FixChoice.of(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A step that generates its commands from the fix entries needs entries that hold for every server. */
    static List<String> checkSteps(FindingDefinition f, String what) {
        boolean any = f.fix().stream().anyMatch(x -> !x.versionDependent());
        return f.remediation().stream().anyMatch(StepDefinition::commandsFromFix) && !any
                ? List.of(what + ": a remediation step has fixCommands: true but no fix entry holds for every server"
                        + " (entries with protocols are not turned into commands)")
                : List.of();
    }
}
