package io.mailflowkb.cli.render.fix;

import io.mailflowkb.rules.fix.FixPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a .reg fix and its rollback .reg (regedit's format, version 5.00). A .reg file cannot check which
 * computer imports it, so {@link CmdLauncherText} imports it after guarding and backing up.
 */
final class RegFileText {

    private RegFileText() {
    }

    static String fix(FixPlan plan) {
        StringBuilder b = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n; Mailflow KB Fix for ")
                .append(computer(plan))
                .append(". Import with the .cmd launcher, which checks the computer name and backs up first.\r\n");
        for (String why : plan.withheld()) {
            b.append("; not included: ").append(why).append("\r\n");
        }
        for (Map.Entry<String, List<FixPlan.Change>> e : byKey(plan.changes()).entrySet()) {
            b.append("\r\n[").append(full(e.getKey())).append("]\r\n");
            for (FixPlan.Change c : e.getValue()) {
                b.append("; ").append(FixPlan.describe(c)).append("\r\n")
                        .append('"').append(c.name()).append("\"=dword:").append(String.format("%08x", c.target()))
                        .append("\r\n");
            }
        }
        return b.append("\r\n").toString();
    }

    static String rollback(FixPlan plan) {
        StringBuilder b = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n; Mailflow KB rollback for ")
                .append(computer(plan))
                .append(": puts back the values the diagnosed export showed. Import it on that computer to undo the fix.\r\n");
        for (String key : plan.created()) {
            b.append("\r\n; the fix created this key (the diagnosed export did not have it)\r\n[-")
                    .append(full(key)).append("]\r\n");
        }
        for (Map.Entry<String, List<FixPlan.Change>> e : byKey(plan.changes()).entrySet()) {
            if (plan.insideCreated(e.getKey())) {
                continue;
            }
            b.append("\r\n[").append(full(e.getKey())).append("]\r\n");
            for (FixPlan.Change c : e.getValue()) {
                if (c.current() != null) {
                    b.append('"').append(c.name()).append("\"=dword:").append(String.format("%08x", c.current()))
                            .append("\r\n");
                } else if (c.known()) {
                    b.append('"').append(c.name()).append("\"=-\r\n");
                } else {
                    b.append("; ").append(c.name()).append(" was not in the inputs: restore it from the backup folder\r\n");
                }
            }
        }
        return b.append("\r\n").toString();
    }

    private static String computer(FixPlan plan) {
        return plan.host() == null ? "an unknown computer" : plan.host();
    }

    private static Map<String, List<FixPlan.Change>> byKey(List<FixPlan.Change> changes) {
        Map<String, List<FixPlan.Change>> out = new LinkedHashMap<>();
        for (FixPlan.Change c : changes) {
            out.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /** .reg files spell the root out: HKEY_LOCAL_MACHINE\... */
    private static String full(String key) {
        return key.startsWith("HKLM\\") ? "HKEY_LOCAL_MACHINE" + key.substring(4) : key;
    }
}
