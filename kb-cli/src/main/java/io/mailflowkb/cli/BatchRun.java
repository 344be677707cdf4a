package io.mailflowkb.cli;

import io.mailflowkb.cli.input.InputAssembler;
import io.mailflowkb.cli.input.InputOptions;
import io.mailflowkb.cli.render.FleetReport;
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
 * Diagnoses several servers one by one, each a fact bundle, an evidence folder or an evidence zip: JSON Lines for
 * pipelines (one object per server, in input order, each the single-diagnosis object with a leading
 * {@code "bundle"} field naming the input), text reports one after the other, or a fleet report (Markdown, or one
 * HTML page): a summary row per server, worst first, then each report. Every input is read before anything is
 * diagnosed, so a bad one stops the run with exit 2 and nothing on stdout.
 */
record BatchRun(Diagnostician kb, InputAssembler assembler, InputOptions options, Format format, boolean color,
                int width) {

    /**
     * The result: what to print, the worst exit code over all bundles, and warnings for stderr (one line each,
     * without the {@code kb: warning: } prefix).
     */
    record Result(String text, int exitCode, List<String> warnings) {
    }

    /**
     * What {@code dir} holds, one server each, sorted by name, not recursive: fact bundles ({@code *.yaml},
     * {@code *.yml}, {@code *.json}), evidence folders and {@code .zip} files of evidence.
     */
    static List<Path> bundlesIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir.toString(), null, "not a directory");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.startsWith(".")) {
                    return false;
                }
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")
                        || n.endsWith(".zip"));
            }).sorted().toList();
            if (found.isEmpty()) {
                throw new InvalidInputException(dir.toString(), null, "no bundles (*.yaml, *.yml, *.json), evidence "
                        + "folders or evidence zips in this directory");
            }
            return found;
        } catch (IOException e) {
            throw new InvalidInputException(dir.toString(), null, "cannot list: " + InvalidInputException.ioReason(e), e);
        }
    }

    Result run(List<Path> paths) {
        List<FactBundle> read = new ArrayList<>();
        for (Path p : paths) {
            // a folder or zip is one server's evidence, read the way `kb diagnose PATH` reads it
            read.add(assembler.isBundle(p) ? InputAssembler.readBundle(p) : assembler.collect(options, List.of(p)));
        }
        StringBuilder text = new StringBuilder();
        List<FleetReport.Server> servers = new ArrayList<>();
        int worst = ExitCode.OK;
        for (int i = 0; i < read.size(); i++) {
            Diagnosis d = kb.diagnose(read.get(i));
            worst = Math.max(worst, d.hasProblems() ? ExitCode.FINDINGS : ExitCode.OK);
            String name = paths.get(i).toString();
            servers.add(new FleetReport.Server(name, d));
            switch (format) {
                case JSON -> text.append(new JsonRenderer().renderLine(name, d));
                case TEXT -> text.append(i == 0 ? "" : "\n").append("== ").append(name).append(" ==\n")
                        .append(format.renderer(color, ReportContext.plain().withTextWidth(width)).render(d));
                case MARKDOWN, HTML -> { } // the fleet report below needs every diagnosis
            }
        }
        if (format == Format.MARKDOWN) {
            text.append(FleetReport.markdown(servers));
        } else if (format == Format.HTML) {
            text.append(FleetReport.html(servers));
        }
        return new Result(text.toString(), worst, sameServer(paths, servers));
    }

    /**
     * One warning per input that names the same computer as an earlier one: a batch diagnoses each input as a
     * server of its own, so two exports of one server give two half-reports (and a fleet that counts it twice).
     */
    static List<String> sameServer(List<Path> paths, List<FleetReport.Server> servers) {
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String name = servers.get(i).diagnosis().host().name();
            if (io.mailflowkb.model.finding.HostSummary.UNKNOWN.equals(name)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (earlier != null) {
                out.add(io.mailflowkb.model.text.ControlCharacters.escape(paths.get(earlier) + " and " + paths.get(i)
                        + " are both server " + name
                        + ": each is reported as a server of its own"));
            }
        }
        return out;
    }
}
