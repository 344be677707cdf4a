package io.mailflowkb.rules.fix;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A .reg fix, its rollback .reg, and the .cmd launcher. A .reg file cannot check which computer imports it, so
 * the launcher does: it refuses on any other computer unless given {@code /force}, exports every key to a backup
 * folder, then imports the fix.
 */
final class RegText {

    static final String COMPUTER_NAME = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName";

    private RegText() {
    }

    static String fix(List<FixScript.Change> changes, String host) {
        StringBuilder b = header("Fix", host);
        for (Map.Entry<String, List<FixScript.Change>> e : byKey(changes).entrySet()) {
            b.append("\r\n[").append(full(e.getKey())).append("]\r\n");
            for (FixScript.Change c : e.getValue()) {
                b.append("; ").append(FixScript.describe(c)).append("\r\n")
                        .append('"').append(c.name()).append("\"=dword:").append(String.format("%08x", c.target()))
                        .append("\r\n");
            }
        }
        return b.append("\r\n").toString();
    }

    static String rollback(List<FixScript.Change> changes, String host, List<String> created) {
        StringBuilder b = new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n; Mailflow KB rollback for ")
                .append(host == null ? "an unknown computer" : host)
                .append(": puts back the values the diagnosed export showed. Import it on that computer to undo the fix.\r\n");
        for (String key : created) {
            b.append("\r\n; the fix created this key (the diagnosed export did not have it)\r\n[-")
                    .append(full(key)).append("]\r\n");
        }
        for (Map.Entry<String, List<FixScript.Change>> e : byKey(changes).entrySet()) {
            if (insideAny(e.getKey(), created)) {
                continue;
            }
            b.append("\r\n[").append(full(e.getKey())).append("]\r\n");
            for (FixScript.Change c : e.getValue()) {
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

    /** Whether key is one of the keys or below one. */
    static boolean insideAny(String key, List<String> keys) {
        return keys.stream().anyMatch(k -> io.mailflowkb.model.fact.RegistryPaths.equal(k, key)
                || io.mailflowkb.model.fact.RegistryPaths.isAncestor(k, key));
    }

    /**
     * The launcher. Works in Windows' cmd.exe and in Wine's (where the tests run it): it changes into its own folder
     * and names every file relative to it, because Wine's cmd passes a quoted absolute path such as
     * {@code "%~dp0fix.reg"} to reg.exe with the quotes kept. The guard compares the name this computer's
     * ComputerName key holds (what a diagnosed ComputerName export shows; %COMPUTERNAME% when it cannot be read),
     * read with for /f alone: Wine's findstr is a stub that prints nothing.
     */
    static String launcher(List<FixScript.Change> changes, String host, String baseName) {
        StringBuilder b = new StringBuilder("@echo off\r\nrem Mailflow KB fix launcher: guard, backup, import.\r\n")
                .append("rem Run it from an elevated command prompt; it works in its own folder (fix files and backups).\r\n")
                .append("rem Add /force to run it on another computer than the diagnosed one.\r\n")
                .append("setlocal EnableExtensions\r\npushd \"%~dp0\"\r\n")
                .append("set \"KB_HOST=%COMPUTERNAME%\"\r\n")
                .append("for /f \"tokens=2,*\" %%A in ('reg query \"").append(COMPUTER_NAME)
                .append("\" /v ComputerName 2^>nul') do if /I \"%%A\"==\"REG_SZ\" set \"KB_HOST=%%B\"\r\n");
        if (host == null) {
            b.append("if /I not \"%~1\"==\"/force\" (echo The diagnosed computer is unknown; check this is the right server, then run with /force. & popd & exit /b 1)\r\n");
        } else {
            b.append("if /I not \"%KB_HOST%\"==\"").append(host).append("\" if /I not \"%~1\"==\"/force\" (")
                    .append("echo This fix was generated for ").append(host)
                    .append(", not %KB_HOST%. Run with /force to apply it anyway. & popd & exit /b 1)\r\n");
        }
        b.append("set \"KB_BACKUP=backup-%RANDOM%%RANDOM%\"\r\nmkdir %KB_BACKUP%\r\n");
        Set<String> keys = new LinkedHashSet<>();
        changes.forEach(c -> keys.add(c.key()));
        int n = 0;
        for (String key : keys) {
            n++;
            b.append("reg query \"").append(key).append("\" >nul 2>&1 && reg export \"").append(key)
                    .append("\" %KB_BACKUP%\\").append(n).append(".reg /y >nul\r\n");
        }
        b.append("reg import ").append(baseName).append(".reg\r\n")
                .append("if errorlevel 1 (echo reg import ").append(baseName).append(".reg failed: nothing was changed. & popd & exit /b 1)\r\n")
                .append("echo Done. Backup in %CD%\\%KB_BACKUP%; undo with: reg import ").append(baseName)
                .append("-rollback.reg\r\necho Restart the server so SChannel and .NET read the new values.\r\n")
                .append("popd\r\nexit /b 0\r\n");
        return b.toString();
    }

    private static StringBuilder header(String what, String host) {
        return new StringBuilder("Windows Registry Editor Version 5.00\r\n\r\n; Mailflow KB ").append(what)
                .append(" for ").append(host == null ? "an unknown computer" : host)
                .append(". Import with the .cmd launcher, which checks the computer name and backs up first.\r\n");
    }

    private static Map<String, List<FixScript.Change>> byKey(List<FixScript.Change> changes) {
        Map<String, List<FixScript.Change>> out = new LinkedHashMap<>();
        for (FixScript.Change c : changes) {
            out.computeIfAbsent(c.key(), k -> new java.util.ArrayList<>()).add(c);
        }
        return out;
    }

    /** .reg files spell the root out: HKEY_LOCAL_MACHINE\... */
    private static String full(String key) {
        return key.startsWith("HKLM\\") ? "HKEY_LOCAL_MACHINE" + key.substring(4) : key;
    }
}
