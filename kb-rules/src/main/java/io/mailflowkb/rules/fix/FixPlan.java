package io.mailflowkb.rules.fix;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.model.fix.RegistryFix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a fix script for a diagnosis changes: the registry values its findings carry ({@link Finding#fix()}) that
 * differ from what the inputs show, each value once, most severe finding first; the keys the fix creates (so the
 * rollback can delete them); and the values held back because they carry out a decision the administrator has not
 * made ({@link FixChoice}). The script text is written from the plan by kb-cli's fix writers.
 *
 * @param changes  the values to set
 * @param created  keys the fix creates: keys of changes that the inputs cover but show no trace of, each lifted to
 *                 its highest ancestor that is also covered and absent
 * @param withheld why some findings' values are not in the plan, one sentence each (a decision not made)
 * @param host     the diagnosed computer's name if it is safe to embed, else {@code null} (the script then needs
 *                 forcing)
 * @param normalise whether values that already have the target's effect are rewritten too
 */
public record FixPlan(List<Change> changes, List<String> created, List<String> withheld, String host,
                      boolean normalise) {

    /**
     * One value to set.
     *
     * @param current the value the inputs show, or {@code null} when absent or unknown
     * @param known   whether the inputs cover the key, so {@code current == null} means "absent"
     */
    public record Change(String key, String name, long target, Long current, boolean known, List<String> findings) {
    }

    /** Host names are embedded in scripts: anything but a plain NetBIOS/DNS name is treated as unknown. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public FixPlan {
        changes = List.copyOf(changes);
        created = List.copyOf(created);
        withheld = List.copyOf(withheld);
    }

    /** The plan without decisions and without normalising. */
    public static FixPlan of(Diagnosis diagnosis, FactBundle bundle) {
        return of(diagnosis, bundle, Set.of(), false);
    }

    /**
     * The plan for this diagnosis. With {@code normalise}, values that already have the target's effect but not
     * its documented form (SChannel {@code Enabled = 0xffffffff} for 1) are rewritten too; without it they are left
     * alone, as the README promises ("leaves values that are already right alone").
     */
    public static FixPlan of(Diagnosis diagnosis, FactBundle bundle, Set<FixChoice> chosen, boolean normalise) {
        Map<String, Change> out = new LinkedHashMap<>();
        Map<String, Set<String>> held = new LinkedHashMap<>();
        for (Finding f : diagnosis.findings()) {
            for (RegistryFix fix : f.fix()) {
                if (!fix.allowedWith(chosen)) {
                    // the other answer to a question that was answered is simply not taken; an unanswered one waits
                    if (chosen.stream().noneMatch(c -> c.question().equals(fix.choice().question()))) {
                        held.computeIfAbsent(f.id(), k -> new TreeSet<>()).add(fix.protocol());
                    }
                    continue;
                }
                String id = (fix.key() + "\\\\" + fix.name()).toLowerCase(Locale.ROOT);
                Change seen = out.get(id);
                if (seen != null) {
                    if (!seen.findings().contains(f.id())) {
                        List<String> ids = new ArrayList<>(seen.findings());
                        ids.add(f.id());
                        out.put(id, new Change(seen.key(), seen.name(), seen.target(), seen.current(), seen.known(),
                                ids));
                    }
                    continue;
                }
                RegistryValue current = current(bundle, fix);
                boolean known = current != null || covered(bundle, fix.key());
                Long now = current == null ? null : current.number();
                if (now != null && (now == fix.value() || !normalise && sameEffect(fix.key(), fix.name(), now,
                        fix.value()))) {
                    continue; // already at the target, or with the same effect: never touched
                }
                out.put(id, new Change(fix.key(), fix.name(), fix.value(), now, known, List.of(f.id())));
            }
        }
        List<Change> changes = List.copyOf(out.values());
        List<String> withheld = new ArrayList<>();
        held.forEach((finding, protocols) -> withheld.add(finding + " (" + String.join(", ", protocols)
                + "): whether " + String.join(" and ", protocols) + " stay" + (protocols.size() == 1 ? "s" : "")
                + " on is your decision (Exchange Online does not need TLS 1.0/1.1 off, and legacy partners may need"
                + " them on); run again with " + FixChoice.LEGACY_TLS_ON.option() + " or " + FixChoice.LEGACY_TLS_OFF.option()
                + " to write it"));
        return new FixPlan(changes, createdKeys(changes, bundle), withheld, hostName(bundle), normalise);
    }

    /** Whether there is anything to write. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * Windows reads any non-zero SChannel protocol {@code Enabled} as on and any non-zero {@code DisabledByDefault}
     * as disabled by default ([S19]): such a value already does what a target of 1 does.
     */
    static boolean sameEffect(String key, String name, long now, long target) {
        return schannelFlag(key, name) && now != 0 && target != 0;
    }

    /** An SChannel protocol {@code Enabled} / {@code DisabledByDefault} value, where any non-zero value means 1. */
    static boolean schannelFlag(String key, String name) {
        return key.regionMatches(true, 0, RegistryPaths.SCHANNEL_PROTOCOLS + "\\", 0,
                RegistryPaths.SCHANNEL_PROTOCOLS.length() + 1)
                && (name.equalsIgnoreCase("Enabled") || name.equalsIgnoreCase("DisabledByDefault"));
    }

    /** Whether the script, at run time, should leave a non-zero current value of this change alone. */
    public boolean keepNonZero(Change c) {
        return !normalise && c.target() != 0 && schannelFlag(c.key(), c.name());
    }

    /** Whether key is one of the created keys or below one: the rollback deletes it whole. */
    public boolean insideCreated(String key) {
        return created.stream().anyMatch(k -> RegistryPaths.equal(k, key) || RegistryPaths.isAncestor(k, key));
    }

    private static List<String> createdKeys(List<Change> changes, FactBundle bundle) {
        List<String> out = new ArrayList<>();
        for (Change c : changes) {
            String key = c.key();
            if (!covered(bundle, key) || present(bundle, key)) {
                continue;
            }
            for (String parent = parent(key); parent != null && covered(bundle, parent) && !present(bundle, parent);
                 parent = parent(parent)) {
                key = parent;
            }
            String top = key;
            if (out.stream().noneMatch(k -> RegistryPaths.equal(k, top) || RegistryPaths.isAncestor(k, top))) {
                out.removeIf(k -> RegistryPaths.isAncestor(top, k));
                out.add(top);
            }
        }
        return out;
    }

    private static boolean covered(FactBundle bundle, String key) {
        return bundle.registryKeys().stream().anyMatch(k -> k.covers(key));
    }

    private static boolean present(FactBundle bundle, String key) {
        return bundle.registryKeys().stream().anyMatch(k -> !k.deleted() && (k.sameKey(key)
                || RegistryPaths.isAncestor(key, k.key())))
                || bundle.registryValues().stream().anyMatch(v -> v.sameKey(key)
                || RegistryPaths.isAncestor(key, v.key()));
    }

    private static String parent(String key) {
        int at = key.lastIndexOf('\\');
        return at <= "HKLM".length() ? null : key.substring(0, at);
    }

    private static String hostName(FactBundle bundle) {
        HostProfile h = bundle.host();
        return h == null || h.hostName() == null || !HOST.matcher(h.hostName()).matches() ? null : h.hostName();
    }

    private static RegistryValue current(FactBundle bundle, RegistryFix fix) {
        for (RegistryValue v : bundle.registryValues()) {
            if (v.name().equalsIgnoreCase(fix.name()) && v.sameKey(fix.key()) && v.isNumber()) {
                return v;
            }
        }
        return null;
    }

    /** A change in words, for the scripts' comments: key, name, current -> target (findings). */
    public static String describe(Change c) {
        String now = c.current() != null ? "0x" + Long.toHexString(c.current()) : c.known() ? "absent" : "not in the inputs";
        return c.key() + " " + c.name() + ": " + now + " -> 0x" + Long.toHexString(c.target())
                + " (" + String.join(", ", c.findings()) + ")";
    }
}
