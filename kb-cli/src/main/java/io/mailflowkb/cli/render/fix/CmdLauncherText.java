package io.mailflowkb.cli.render.fix;

import io.mailflowkb.rules.fix.FixPlan;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The .cmd launcher of a .reg fix: it does what a .reg file cannot. It refuses on any other computer unless given
 * {@code /force}, exports every key to a backup folder, then imports the fix.
 */
final class CmdLauncherText {

    static final String COMPUTER_NAME = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName";

    private CmdLauncherText() {
    }

    /**
     * Works in Windows' cmd.exe and in Wine's (where the tests run it): it changes into its own folder and names
     * every file relative to it, because Wine's cmd passes a quoted absolute path such as {@code "%~dp0fix.reg"} to
     * reg.exe with the quotes kept. The guard compares the name this computer's ComputerName key holds (what a
     * diagnosed ComputerName export shows; %COMPUTERNAME% when it cannot be read), read with for /f alone: Wine's
     * findstr is a stub that prints nothing.
     */
    static String launcher(FixPlan plan, String baseName) {
        String host = plan.host();
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
        plan.changes().forEach(c -> keys.add(c.key()));
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
}
