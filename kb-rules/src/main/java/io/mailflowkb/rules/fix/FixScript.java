package io.mailflowkb.rules.fix;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.FixCheck;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Generates a fix script from a diagnosis: the registry values that the findings' structured {@code fix} entries
 * name and that differ from what the inputs show, with a backup of the current values, a rollback script, and a
 * guard that refuses to run on any computer other than the diagnosed one unless forced.
 *
 * <pre>{@code
 * Map<String, String> files = FixScript.generate(kb.knowledge(), diagnosis, bundle, FixScript.Format.PS1, "fix");
 * files.forEach((name, text) -> Files.write(dir.resolve(name), FixScript.bytes(name, text)));
 * }</pre>
 */
public final class FixScript {

    /** {@code reg}: a .reg file, a rollback .reg and a .cmd launcher that guards and backs up; {@code ps1}: PowerShell. */
    public enum Format { REG, PS1 }

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

    private FixScript() {
    }

    /** The changes the findings of this diagnosis call for, most severe finding first, each value once. */
    public static List<Change> changes(Knowledge knowledge, Diagnosis diagnosis, FactBundle bundle) {
        return changes(knowledge, diagnosis, bundle, false);
    }

    /**
     * As {@link #changes(Knowledge, Diagnosis, FactBundle)}; with {@code normalise}, values that already have the
     * target's effect but not its documented form (SChannel {@code Enabled = 0xffffffff} for 1) are rewritten too.
     * Without it they are left alone, as the README promises ("leaves values that are already right alone").
     */
    public static List<Change> changes(Knowledge knowledge, Diagnosis diagnosis, FactBundle bundle, boolean normalise) {
        Map<String, Change> out = new LinkedHashMap<>();
        for (Finding f : diagnosis.findings()) {
            Optional<CompiledFinding> def = knowledge.finding(f.id());
            if (def.isEmpty()) {
                continue;
            }
            for (FixDefinition fix : def.get().definition().fix()) {
                String id = (fix.key() + "\\\\" + fix.name()).toLowerCase(java.util.Locale.ROOT);
                Change seen = out.get(id);
                if (seen != null) {
                    List<String> ids = new ArrayList<>(seen.findings());
                    ids.add(f.id());
                    out.put(id, new Change(seen.key(), seen.name(), seen.target(), seen.current(), seen.known(), ids));
                    continue;
                }
                long target = FixCheck.dword(fix.value());
                RegistryValue current = current(bundle, fix);
                boolean known = current != null || bundle.registryKeys().stream().anyMatch(k -> k.covers(fix.key()));
                Long now = current == null ? null : current.number();
                if (now != null && (now == target || !normalise && sameEffect(fix, now, target))) {
                    continue; // already at the target, or with the same effect: never touched
                }
                out.put(id, new Change(fix.key(), fix.name(), target, now, known, List.of(f.id())));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * Windows reads any non-zero SChannel protocol {@code Enabled} as on and any non-zero {@code DisabledByDefault}
     * as disabled by default ([S19]): such a value already does what a target of 1 does.
     */
    static boolean sameEffect(FixDefinition fix, long now, long target) {
        return schannelFlag(fix.key(), fix.name()) && now != 0 && target != 0;
    }

    /** An SChannel protocol {@code Enabled} / {@code DisabledByDefault} value, where any non-zero value means 1. */
    static boolean schannelFlag(String key, String name) {
        return key.regionMatches(true, 0, RegistryPaths.SCHANNEL_PROTOCOLS + "\\", 0,
                RegistryPaths.SCHANNEL_PROTOCOLS.length() + 1)
                && (name.equalsIgnoreCase("Enabled") || name.equalsIgnoreCase("DisabledByDefault"));
    }

    /** Whether the script, at run time, should leave a non-zero current value of this change alone. */
    static boolean keepNonZero(Change c, boolean normalise) {
        return !normalise && c.target() != 0 && schannelFlag(c.key(), c.name());
    }

    /**
     * The script files for the changes, by file name: {@code BASE.ps1} and {@code BASE-rollback.ps1}, or
     * {@code BASE.reg}, {@code BASE-rollback.reg} and {@code BASE.cmd} (the guarded launcher).
     */
    public static Map<String, String> generate(Knowledge knowledge, Diagnosis diagnosis, FactBundle bundle,
                                               Format format, String baseName) {
        return generate(knowledge, diagnosis, bundle, format, baseName, false);
    }

    /** As {@link #generate(Knowledge, Diagnosis, FactBundle, Format, String)}, optionally normalising values. */
    public static Map<String, String> generate(Knowledge knowledge, Diagnosis diagnosis, FactBundle bundle,
                                               Format format, String baseName, boolean normalise) {
        if (!baseName.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("script base name must be letters, digits, . _ -");
        }
        List<Change> changes = changes(knowledge, diagnosis, bundle, normalise);
        String host = hostName(bundle);
        List<String> created = createdKeys(changes, bundle);
        Map<String, String> files = new LinkedHashMap<>();
        if (format == Format.PS1) {
            files.put(baseName + ".ps1", PowerShellText.fix(changes, host, baseName, normalise));
            files.put(baseName + "-rollback.ps1", PowerShellText.rollback(changes, host, created, baseName));
        } else {
            files.put(baseName + ".reg", RegText.fix(changes, host));
            files.put(baseName + "-rollback.reg", RegText.rollback(changes, host, created));
            files.put(baseName + ".cmd", RegText.launcher(changes, host, baseName));
        }
        return files;
    }

    /** How to write a generated file: .reg as UTF-16LE with BOM (as regedit writes them), the rest as UTF-8. */
    public static byte[] bytes(String fileName, String text) {
        if (fileName.endsWith(".reg")) {
            byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
            byte[] out = new byte[body.length + 2];
            out[0] = (byte) 0xFF;
            out[1] = (byte) 0xFE;
            System.arraycopy(body, 0, out, 2, body.length);
            return out;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The keys the fix creates: keys of changes that the inputs cover but show no trace of, each lifted to its
     * highest ancestor that is also covered and absent (the fix creates that one too). The rollback deletes them,
     * so after it the exported keys equal the diagnosed export again, not merely their values.
     */
    public static List<String> createdKeys(List<Change> changes, FactBundle bundle) {
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
        return List.copyOf(out);
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

    /** The diagnosed computer's name if it is safe to embed, else {@code null} (the script then needs forcing). */
    static String hostName(FactBundle bundle) {
        HostProfile h = bundle.host();
        return h == null || h.hostName() == null || !HOST.matcher(h.hostName()).matches() ? null : h.hostName();
    }

    private static RegistryValue current(FactBundle bundle, FixDefinition fix) {
        for (RegistryValue v : bundle.registryValues()) {
            if (v.name().equalsIgnoreCase(fix.name()) && v.sameKey(fix.key()) && v.isNumber()) {
                return v;
            }
        }
        return null;
    }

    static String describe(Change c) {
        String now = c.current() != null ? "0x" + Long.toHexString(c.current()) : c.known() ? "absent" : "not in the inputs";
        return c.key() + " " + c.name() + ": " + now + " -> 0x" + Long.toHexString(c.target())
                + " (" + String.join(", ", c.findings()) + ")";
    }

}
