package io.mailflowkb.rules.report;

import io.mailflowkb.model.finding.Comparison;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.FindingStatus;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.finding.ResolvedFinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compares a diagnosis with an earlier one of the same server ({@code kb diagnose --baseline PREVIOUS.json}): each
 * current finding is {@code new} or {@code still-present}; baseline findings that are gone are {@code resolved},
 * with the evidence they had. Findings match by id. A baseline of another computer is compared anyway, with a
 * warning, because renaming a server is rarer than picking the wrong file.
 */
public final class Baselines {

    private Baselines() {
    }

    public static Diagnosis compare(Diagnosis current, Diagnosis baseline, String baselineName) {
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
        List<ResolvedFinding> resolved = new ArrayList<>();
        for (Finding f : baseline.findings()) {
            if (!now.contains(f.id())) {
                resolved.add(new ResolvedFinding(f.id(), f.severity(), f.title(), f.evidence()));
            }
        }
        return current.compared(marked, new Comparison(baselineName, baseline.host().asOf(),
                otherServer(current.host(), baseline.host(), baselineName), resolved, still, fresh));
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
