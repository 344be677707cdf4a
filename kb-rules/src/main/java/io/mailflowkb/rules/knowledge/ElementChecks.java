package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.model.knowledge.ExoAddressRangeDefinition;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import io.mailflowkb.model.knowledge.ReferenceDefinition;
import io.mailflowkb.model.knowledge.SourceLocation;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.knowledge.WindowsReleaseDefinition;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.model.regex.RegexRejectedException;
import io.mailflowkb.model.spi.ExoAddressRanges;
import io.mailflowkb.rules.derive.DottedVersion;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checks of single knowledge elements (ids, lengths, references, symptoms, findings, build rows), each
 * recording its problems at the element's file:line:column; the loader decides what to keep.
 */
final class ElementChecks {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,63}");
    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 4000;

    private final List<KnowledgeProblem> problems;

    ElementChecks(List<KnowledgeProblem> problems) {
        this.problems = problems;
    }

    void symptom(SymptomDefinition s, String file) {
        if (s.literals().isEmpty() && s.regex() == null) {
            problem(s.at(), file, "symptom " + s.id() + " needs 'literals' or 'regex'");
        }
        for (String l : s.literals()) {
            if (l == null || l.isBlank() || l.length() > 500) {
                problem(s.at(), file, "symptom " + s.id() + ": literals must be 1 to 500 characters");
            }
        }
        if (s.regex() != null) {
            try {
                KnowledgeRegex.compile(s.regex());
            } catch (RegexRejectedException e) {
                problem(s.at(), file, "symptom " + s.id() + ": regex " + e.withPosition());
            }
        }
        require(s.title(), s.at(), file, "symptom " + s.id() + ": title", MAX_TITLE);
        try {
            FlowDirection.of(s.direction()); // collectors give every match this direction
        } catch (IllegalArgumentException e) {
            problem(s.at(), file, "symptom " + s.id() + ": direction " + e.getMessage());
        }
        references(s.references(), s.at(), file, "symptom " + s.id(), false);
    }

    /** {@code complete}: a definition (everything required), not an override (only what it replaces). */
    void finding(FindingDefinition f, String file, boolean complete) {
        String what = "finding " + f.id();
        if (complete) {
            if (f.severity() == null || f.direction() == null) {
                problem(f.at(), file, what + " needs severity and direction");
            }
            require(f.title(), f.at(), file, what + ": title", MAX_TITLE);
            if (f.remediation().isEmpty()) {
                problem(f.at(), file, what + " needs at least one remediation step");
            }
        } else if (f.title() != null) {
            require(f.title(), f.at(), file, what + ": title", MAX_TITLE);
        }
        if (f.summary() != null) {
            require(f.summary(), f.at(), file, what + ": summary", MAX_TEXT);
        }
        for (StepDefinition s : f.remediation()) {
            require(s.text(), f.at(), file, what + ": remediation text", MAX_TEXT);
            if (s.about() != null && !s.about().equals("local") && !s.about().equals("peer")) {
                problem(f.at(), file, what + ": remediation 'about' must be local or peer, got '" + s.about() + "'");
            }
            for (String c : s.commands()) {
                require(c, f.at(), file, what + ": remediation command", MAX_TEXT);
            }
        }
        references(f.references(), f.at(), file, what, complete);
        FixCheck.check(f.fix(), what).forEach(m -> problem(f.at(), file, m));
        FixCheck.checkSteps(f, what).forEach(m -> problem(f.at(), file, m));
        if (f.causedBy() != null) {
            if (f.causedBy().findings().isEmpty()) {
                problem(f.at(), file, what + ": causedBy needs 'findings' (the ids that can cause it)");
            }
            if (f.causedBy().otherwise() != null) {
                require(f.causedBy().otherwise(), f.at(), file, what + ": causedBy otherwise", MAX_TITLE);
            }
        }
    }

    void missingEvidence(MissingEvidenceDefinition m, String file) {
        String what = "missingEvidence " + m.id();
        require(m.what(), m.at(), file, what + ": what", MAX_TEXT);
        require(m.why(), m.at(), file, what + ": why", MAX_TEXT);
        if (m.collect().isEmpty()) {
            require(m.how(), m.at(), file, what + ": how", MAX_TEXT);
        } else if (m.how() != null) {
            problem(m.at(), file, what + ": give either 'how' or 'collect' (the collection manifest items 'how' is "
                    + "rendered from), not both");
        }
    }

    /** Whether the row may enter the build table. */
    boolean build(ExchangeBuildDefinition b, String file) {
        if (b.build() == null || DottedVersion.parse(b.build()) == null) {
            problem(null, file, "exchangeBuilds: build '" + b.build() + "' must be a dotted number like 15.1.2507.6");
            return false;
        }
        if (b.tag() == null || !b.tag().matches("S\\d{1,3}")) {
            problem(null, file, "exchangeBuilds: build " + b.build() + " needs the tag of its source (S56)");
            return false;
        }
        require(b.product(), null, file, "exchangeBuilds: build " + b.build() + ": product", MAX_TITLE);
        require(b.name(), null, file, "exchangeBuilds: build " + b.build() + ": name", MAX_TITLE);
        for (String mark : b.firstWith()) {
            if (!ExchangeBuildDefinition.FIRST_WITH.contains(mark)) {
                problem(null, file, "exchangeBuilds: build " + b.build() + ": firstWith '" + mark + "' is not one of "
                        + String.join(", ", ExchangeBuildDefinition.FIRST_WITH));
            }
        }
        return true;
    }

    /** Whether the row may enter the Windows release table; problems point at the row's file:line. */
    boolean release(WindowsReleaseDefinition r, String file) {
        SourceLocation at = r.at();
        if (r.release() == null || r.release().isBlank()) {
            problem(at, file, "windowsReleases: a row needs its release name");
            return false;
        }
        require(r.release(), at, file, "windowsReleases: release", MAX_TITLE);
        String what = "windowsReleases: " + r.release();
        boolean ok = true;
        if (r.firstBuild() == null || r.lastBuild() == null || r.firstBuild() < 0 || r.lastBuild() < r.firstBuild()) {
            problem(at, file, what + ": needs firstBuild and lastBuild, 0 <= firstBuild <= lastBuild");
            ok = false;
        }
        List<String> names = List.of("tls10", "tls11", "tls12", "tls13");
        for (int i = 0; i < names.size(); i++) {
            String d = r.defaults().get(i);
            if (!WindowsReleaseDefinition.DEFAULTS.contains(d)) {
                problem(at, file, what + ": " + names.get(i) + " '" + d + "' is not one of "
                        + String.join(", ", WindowsReleaseDefinition.DEFAULTS));
                ok = false;
            }
        }
        if (r.tags().isEmpty() || r.tags().stream().anyMatch(t -> t == null || !t.matches("S\\d{1,3}"))) {
            problem(at, file, what + ": needs the tags of its sources (tags: [S17])");
            ok = false;
        }
        if (r.defaults().contains("unknown") && (r.note() == null || r.note().isBlank())) {
            problem(at, file, what + ": an unknown default needs a note saying why");
            ok = false;
        }
        return ok;
    }

    /** Whether the row may enter the Exchange Online address table; problems point at the row's file:line. */
    boolean exoRange(ExoAddressRangeDefinition r, String file) {
        String bad = ExoAddressRanges.problem(r.range());
        if (bad != null) {
            problem(r.at(), file, "exoAddressRanges: " + bad);
            return false;
        }
        if (r.source() == null || !r.source().startsWith("https://") || r.source().length() > 500) {
            problem(r.at(), file, "exoAddressRanges: " + r.range()
                    + " needs the https page that publishes it (source)");
            return false;
        }
        return true;
    }

    private void references(List<ReferenceDefinition> refs, SourceLocation at, String file, String what,
                            boolean required) {
        if (required && refs.isEmpty()) {
            problem(at, file, what + " needs at least one reference");
        }
        for (ReferenceDefinition r : refs) {
            require(r.title(), at, file, what + ": reference title", MAX_TITLE);
            if (r.url() == null || !r.url().startsWith("https://") || r.url().length() > 500
                    || r.url().chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>')) {
                problem(at, file, what + ": reference url must be an https:// address without spaces or quotes");
            }
        }
    }

    void require(String text, SourceLocation at, String file, String what, int max) {
        if (text == null || text.isBlank()) {
            problem(at, file, what + " is missing");
        } else if (text.length() > max) {
            problem(at, file, what + " is longer than " + max + " characters");
        }
    }

    boolean id(String id, SourceLocation at, String file, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            problem(at, file, what + " id '" + id + "' must be 2-64 lower-case letters, digits, dots and dashes");
            return false;
        }
        return true;
    }

    boolean unique(boolean exists, SourceLocation at, String file, String what) {
        if (exists) {
            problem(at, file, what + " is defined twice (use 'overrides' to change a finding from another file)");
            return false;
        }
        return true;
    }

    void problem(SourceLocation at, String file, String message) {
        problems.add(KnowledgeProblem.at(at, file, message));
    }
}
