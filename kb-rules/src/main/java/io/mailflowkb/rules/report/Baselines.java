package io.mailflowkb.rules.report;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Comparison;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.FindingStatus;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.NotReexaminedFinding;
import io.mailflowkb.model.finding.ResolvedFinding;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a diagnosis with an earlier one of the same server ({@code kb diagnose --baseline PREVIOUS.json}): each
 * current finding is {@code new} or {@code still-present}. A baseline finding that is gone is {@code resolved}
 * only when the evidence that proved it was examined again; when it was not given again, the finding is
 * {@code not re-examined}, with what to collect. Findings match by id. A baseline of another computer is compared
 * anyway, with a warning, because renaming a server is rarer than picking the wrong file.
 *
 * <p>Examined again means: some file the finding's evidence cites was read this time too, by name (the collection
 * scripts always name their files the same); or, for a file that was not a registry export, some input of the same
 * kind was read (logs rotate to new names). One such input is enough, because any of them can show the finding
 * gone (the SChannel export shows TLS 1.2 back on, whatever the old logs said). A registry export needs its name,
 * because one kind of file holds entirely different keys (schannel.reg and windows.reg are both registry exports).
 * A probe needs the same target.
 */
public final class Baselines {

    /** The registry collector's kind: too broad to stand in for a file of another name. */
    static final String REGISTRY_EXPORT = "registry export";

    private Baselines() {
    }

    /**
     * @param bundle           the facts of the current diagnosis (what was examined this time)
     * @param baselineModified the baseline file's last modification, for a baseline that carries no time of its own;
     *                         {@code null} when unknown
     */
    public static Diagnosis compare(Diagnosis current, FactBundle bundle, Diagnosis baseline, String baselineName,
                                    Instant baselineModified) {
        Set<String> before = new LinkedHashSet<>();
        baseline.findings().forEach(f -> before.add(f.id()));
        Set<String> now = new LinkedHashSet<>();
        current.findings().forEach(f -> now.add(f.id()));
        List<Finding> marked = new ArrayList<>();
        List<String> still = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (Finding f : current.findings()) {
            boolean seen = before.contains(f.id());
            marked.add(f.withStatus(seen ? FindingStatus.STILL_PRESENT : FindingStatus.NEW));
            (seen ? still : fresh).add(f.id());
        }
        Examined examined = Examined.of(current, bundle);
        Map<String, String> kinds = kindsByFile(baseline.inputs());
        List<ResolvedFinding> resolved = new ArrayList<>();
        List<NotReexaminedFinding> unexamined = new ArrayList<>();
        for (Finding f : baseline.findings()) {
            if (now.contains(f.id())) {
                continue;
            }
            List<String> collect = missing(f.evidence(), kinds, examined);
            if (collect.isEmpty()) {
                resolved.add(new ResolvedFinding(f.id(), f.severity(), f.title(), f.evidence()));
            } else {
                unexamined.add(new NotReexaminedFinding(f.id(), f.severity(), f.title(), f.evidence(), collect));
            }
        }
        String[] since = since(baseline.host(), baselineModified);
        return current.compared(marked, new Comparison(baselineName, since[0], since[1],
                otherServer(current.host(), baseline.host(), baselineName), resolved, unexamined, still, fresh));
    }

    /** What was examined this time: file names (any case) of every input and every fact, probe targets, kinds. */
    private record Examined(Set<String> files, Set<String> kinds) {
        static Examined of(Diagnosis current, FactBundle bundle) {
            Set<String> files = new HashSet<>();
            Set<String> kinds = new HashSet<>();
            for (InputSummary i : current.inputs()) {
                if (i.skipped() == null) {
                    files.add(fileName(i.source()));
                    if (i.kind() != null) {
                        kinds.add(i.kind());
                    }
                }
            }
            bundle.facts().forEach(f -> files.add(fileName(f.source().source())));
            return new Examined(files, kinds);
        }
    }

    /**
     * What to collect to re-examine a baseline finding, in words, one entry per input its evidence came from; empty
     * when one of them was examined again (or the evidence names no input).
     */
    static List<String> missing(List<Evidence> evidence, Map<String, String> kinds, Examined examined) {
        Set<String> out = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            String file = evidenceFile(e.source());
            if (file == null) {
                continue;
            }
            String kind = kinds.get(file);
            if (examined.files().contains(file)
                    || kind != null && !REGISTRY_EXPORT.equals(kind) && examined.kinds().contains(kind)) {
                return List.of();
            }
            String shown = e.source().startsWith("probe:") ? "a probe of " + file.substring("probe:".length())
                    : file(e.source());
            out.add(kind == null ? shown : shown + " (" + kind + ")");
        }
        return List.copyOf(out);
    }

    /**
     * The file an evidence source names ({@code file:line} or a path), lower-cased for comparison; a probe's whole
     * {@code probe:host:port}; {@code null} for sources that name no input (correlations, the host profile).
     */
    static String evidenceFile(String source) {
        if (source == null || source.isBlank() || source.startsWith("(") || source.equals("correlation")) {
            return null;
        }
        if (source.startsWith("probe:")) {
            return source.toLowerCase(Locale.ROOT);
        }
        return fileName(file(source));
    }

    /** The source without its {@code :line} (or {@code :first-last}) suffix. */
    private static String file(String source) {
        return source.replaceFirst(":\\d+(-\\d+)?$", "");
    }

    private static String fileName(String path) {
        String p = path.startsWith("probe:") ? path : file(path);
        int at = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return (p.startsWith("probe:") ? p : p.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> kindsByFile(List<InputSummary> inputs) {
        Map<String, String> out = new HashMap<>();
        for (InputSummary i : inputs) {
            if (i.kind() != null) {
                out.putIfAbsent(fileName(i.source()), i.kind());
            }
        }
        return out;
    }

    /** The baseline's time and what it is: collected, latest evidence, or the file's modification; else unknown. */
    static String[] since(HostSummary host, Instant modified) {
        if (!HostSummary.UNKNOWN.equals(host.collected())) {
            return new String[] {host.collected(), Comparison.BASIS_COLLECTED};
        }
        if (!HostSummary.UNKNOWN.equals(host.evidenceTo())) {
            return new String[] {host.evidenceTo(), Comparison.BASIS_EVIDENCE};
        }
        if (modified != null) {
            return new String[] {modified.truncatedTo(ChronoUnit.SECONDS).toString(), Comparison.BASIS_FILE};
        }
        return new String[] {HostSummary.UNKNOWN, null};
    }

    /** The warning when both diagnoses name their computer and the names differ, else {@code null}. */
    static String otherServer(HostSummary current, HostSummary baseline, String baselineName) {
        String a = current.name();
        String b = baseline.name();
        if (HostSummary.UNKNOWN.equals(a) || HostSummary.UNKNOWN.equals(b)
                || a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "the baseline " + baselineName + " is of " + b + ", this diagnosis of " + a
                + ": the comparison is between two servers";
    }
}
