package io.mailflowkb.cli;

import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.render.Format;
import io.mailflowkb.cli.render.JsonRenderer;
import io.mailflowkb.cli.render.ReportContext;
import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.rules.Diagnostician;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Diagnoses several bundles one by one: JSON Lines for pipelines (one object per bundle, in input order, each
 * the single-diagnosis object with a leading {@code "bundle"} field naming the file), or text and Markdown
 * reports one after the other. Every bundle is read before anything is diagnosed, so a bad bundle stops the
 * run with exit 2 and nothing on stdout.
 */
record BatchRun(Diagnostician kb, Format format, boolean color) {

    /** The result: what to print, and the worst exit code over all bundles. */
    record Result(String text, int exitCode) {
    }

    /** Bundle files in {@code dir}: *.yaml, *.yml, *.json, not recursive, sorted by file name. */
    static List<Path> bundlesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir.toString(), null, "not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
            }).sorted().toList();
            if (found.isEmpty()) {
                throw new InvalidInputException(dir.toString(), null, "no bundles (*.yaml, *.yml, *.json) in this directory");
            }
            return found;
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), null, "cannot list: " + InvalidInputException.ioReason(e), e);
        }
    }

    Result run(List<Path> paths) {
        List<FactBundle> read = new ArrayList<>();
        for (Path p : paths) {
            read.add(InputAssembler.readBundle(p));
        }
        StringBuilder text = new StringBuilder();
        int worst = ExitCode.OK;
        for (int i = 0; i < read.size(); i++) {
            Diagnosis d = kb.diagnose(read.get(i));
            worst = Math.max(worst, d.hasProblems() ? ExitCode.FINDINGS : ExitCode.OK);
            String name = paths.get(i).toString();
            switch (format) {
                case JSON -> text.append(new JsonRenderer().renderLine(name, d));
                case MARKDOWN -> text.append(i == 0 ? "" : "\n---\n\n").append(format.renderer(false,
                        ReportContext.plain().withTitle(ReportContext.DEFAULT_TITLE + ": " + name)).render(d));
                case TEXT -> text.append(i == 0 ? "" : "\n").append("== ").append(name).append(" ==\n")
                        .append(format.renderer(color).render(d));
                case HTML -> throw new IllegalStateException("checked by DiagnoseCommand: one HTML page per diagnosis");
            }
        }
        return new Result(text.toString(), worst);
    }
}
