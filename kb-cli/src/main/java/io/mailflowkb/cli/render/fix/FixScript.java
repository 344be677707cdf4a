package io.mailflowkb.cli.render.fix;

import io.mailflowkb.rules.fix.FixPlan;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of a fix script and its companions, written from a {@link FixPlan}: the values to set, with a backup of
 * the current values, a rollback script, and a guard that refuses to run on any computer other than the diagnosed
 * one unless forced.
 *
 * <pre>{@code
 * FixPlan plan = FixPlan.of(diagnosis, bundle);
 * Map<String, String> files = FixScript.generate(plan, FixScript.Format.PS1, "fix");
 * files.forEach((name, text) -> Files.write(dir.resolve(name), FixScript.bytes(name, text)));
 * }</pre>
 */
public final class FixScript {

    /** {@code reg}: a .reg file, a rollback .reg and a .cmd launcher that guards and backs up; {@code ps1}: PowerShell. */
    public enum Format { REG, PS1 }

    private FixScript() {
    }

    /**
     * The script files for the plan, by file name: {@code BASE.ps1} and {@code BASE-rollback.ps1}, or
     * {@code BASE.reg}, {@code BASE-rollback.reg} and {@code BASE.cmd} (the guarded launcher).
     */
    public static Map<String, String> generate(FixPlan plan, Format format, String baseName) {
        if (!baseName.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("script base name must be letters, digits, . _ -");
        }
        Map<String, String> files = new LinkedHashMap<>();
        if (format == Format.PS1) {
            files.put(baseName + ".ps1", PowerShellText.fix(plan, baseName));
            files.put(baseName + "-rollback.ps1", PowerShellText.rollback(plan, baseName));
        } else {
            files.put(baseName + ".reg", RegFileText.fix(plan));
            files.put(baseName + "-rollback.reg", RegFileText.rollback(plan));
            files.put(baseName + ".cmd", CmdLauncherText.launcher(plan, baseName));
        }
        return files;
    }

    /** The file users run: {@code BASE.ps1} or the {@code BASE.cmd} launcher. */
    public static String mainFile(Format format, String baseName) {
        return baseName + (format == Format.PS1 ? ".ps1" : ".cmd");
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
}
