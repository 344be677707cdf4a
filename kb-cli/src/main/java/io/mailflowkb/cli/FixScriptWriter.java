package io.mailflowkb.cli;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.cli.render.fix.FixScript;
import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.rules.fix.FixPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the fix script of {@code kb diagnose --fix-script} and its companions (rollback, launcher) beside the path
 * the user gave. All files are written to temporary names first and renamed only when every one succeeded, so a
 * failure never leaves a fix without its rollback.
 */
final class FixScriptWriter {

    /** The main script's text (for reports that embed it; {@code null} when none was written) and what the report says about it. */
    record Written(String script, List<String> notes) {
    }

    private FixScriptWriter() {
    }

    /**
     * Writes the scripts; returns the main script's text (for reports that embed it; null if nothing to fix) and
     * the notes the report shows: what the script leaves out, or why there is none.
     * {@code chosen} are the administrator's decisions ({@code --legacy-tls}); values that need one not made are
     * left out, each with a line saying why. {@code normalise} also rewrites values that already work but are not
     * in the documented form.
     */
    static Written write(Diagnosis d, FactBundle bundle, FixScript.Format format, Path target, PrintWriter err,
                        Set<FixChoice> chosen, boolean normalise) {
        FixPlan plan = FixPlan.of(d, bundle, chosen, normalise);
        for (String why : plan.withheld()) {
            err.println("kb: not in the fix script: " + why);
        }
        List<String> notes = new ArrayList<>();
        plan.withheld().forEach(why -> notes.add("Not in the fix script: " + why + "."));
        if (plan.isEmpty()) {
            String why = plan.withheld().isEmpty()
                    ? "no finding of this diagnosis calls for a registry change the inputs do not already show"
                    : "every registry change this diagnosis calls for waits for your decision (above)";
            err.println("kb: no fix script written: " + why);
            err.flush();
            notes.add("No fix script written: " + why + ".");
            return new Written(null, notes);
        }
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String base = dot > 0 ? file.substring(0, dot) : file;
        Map<String, String> files = FixScript.generate(plan, format, base);
        Path dir = target.toAbsolutePath().getParent();
        List<AtomicFile> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path script = dir.resolve(f.getKey());
                if (Output.kindOf(target) == Output.Kind.IN_PLACE || Output.kindOf(script) == Output.Kind.IN_PLACE) {
                    throw new InvalidInputException(target.toString(), null, "not a regular file: a fix script and its"
                            + " rollback are written as files; give -o a path in a folder of your own");
                }
                staged.add(AtomicFile.stage(script, FixScript.bytes(f.getKey(), f.getValue())));
            }
            for (AtomicFile s : staged) {
                s.commit();
            }
        } catch (IOException e) {
            staged.forEach(AtomicFile::discard);
            throw new InvalidInputException(target.toString(), null, "cannot write the fix script: " + InvalidInputException.ioReason(e), e);
        } catch (RuntimeException e) {
            staged.forEach(AtomicFile::discard);
            throw e;
        }
        err.println("kb: wrote " + String.join(", ", files.keySet()) + " in " + dir
                + " (review before running; the rollback script restores the exported values)");
        err.flush();
        return new Written(files.get(FixScript.mainFile(format, base)), notes);
    }
}
