package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import io.mailflowkb.model.knowledge.ExampleDefinition;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.KnowledgeFile;
import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import io.mailflowkb.model.knowledge.ReferenceDefinition;
import io.mailflowkb.model.knowledge.SourceLocation;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.regex.KnowledgeRegex;
import io.mailflowkb.model.regex.RegexRejectedException;
import io.mailflowkb.rules.collect.CollectionManifest;
import io.mailflowkb.rules.collect.ManualCommands;
import io.mailflowkb.rules.fix.FixCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads knowledge folders in order (shipped first, then each user folder), validates every element, applies
 * overrides and disables by id, and compiles conditions. All problems are collected and reported together.
 */
public final class KnowledgeLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,63}");
    private static final int MAX_TITLE = 200;
    private static final int MAX_TEXT = 4000;

    private final List<KnowledgeProblem> problems = new ArrayList<>();
    private final Map<String, SymptomDefinition> symptoms = new LinkedHashMap<>();
    private final Map<String, Entry> findings = new LinkedHashMap<>();
    private final Map<String, CompiledMissingEvidence> missing = new LinkedHashMap<>();
    private final Map<String, KnowledgeExample> examples = new LinkedHashMap<>();
    private final Map<String, CollectItemDefinition> collect = new LinkedHashMap<>();
    private final List<Pending> overrides = new ArrayList<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<Pending> disables = new ArrayList<>();
    private final Map<String, ExchangeBuildDefinition> builds = new java.util.TreeMap<>(DottedVersion.ORDER);

    private KnowledgeLoader() {
    }

    /** Loads and merges the given sources; throws {@link KnowledgeException} listing every problem found. */
    public static Knowledge load(List<KnowledgeSource> sources) {
        return load(sources, true);
    }

    /** With {@code prebuilt} false every file is parsed from YAML, even where the build-time form fits. */
    static Knowledge load(List<KnowledgeSource> sources, boolean prebuilt) {
        KnowledgeLoader loader = new KnowledgeLoader();
        for (KnowledgeSource source : sources) {
            for (Path file : source.files()) {
                String cited = source.cite(file);
                try {
                    // the build-time form holds only files that parsed without any problem; otherwise the
                    // YAML: unknown keys are reported and skipped, so the rest of the file is still checked
                    KnowledgeFile parsed = prebuilt ? PrebuiltKnowledge.lookup(source, file, cited) : null;
                    loader.add(parsed != null ? parsed : KnowledgeReader.read(file, cited, loader.problems), cited,
                            file.getParent(), source);
                } catch (KnowledgeException e) {
                    loader.problems.addAll(e.problems());
                }
            }
        }
        return loader.finish();
    }

    private void add(KnowledgeFile file, String cited, Path dir, KnowledgeSource source) {
        boolean shipped = source.shipped();
        PatternCompiler compiler = new PatternCompiler(cited, problems);
        for (SymptomDefinition s : file.symptoms()) {
            if (checkId(s.id(), s.at(), cited, "symptom") && unique(symptoms.containsKey(s.id()), s.at(), cited,
                    "symptom " + s.id())) {
                checkSymptom(s, cited);
                symptoms.put(s.id(), s);
            }
        }
        for (FindingDefinition f : file.findings()) {
            if (checkId(f.id(), f.at(), cited, "finding")
                    && unique(findings.containsKey(f.id()), f.at(), cited, "finding " + f.id())) {
                checkFinding(f, cited, true);
                List<List<CompiledPattern>> conditions = new ArrayList<>();
                conditions.add(compiler.compile(f.when()));
                f.alsoWhen().forEach(alt -> conditions.add(compiler.compile(alt)));
                for (List<CompiledPattern> when : conditions) {
                    if (when.stream().noneMatch(CompiledPattern::binds)) {
                        problem(f.at(), cited, "finding " + f.id() + " needs at least one present pattern in each "
                                + "condition list (its facts become the evidence)");
                    } else if (when.stream().filter(CompiledPattern::binds).count() > CompiledPattern.MAX_BOUND) {
                        problem(f.at(), cited, "finding " + f.id() + " has more than " + CompiledPattern.MAX_BOUND
                                + " present patterns in one condition list");
                    }
                }
                findings.put(f.id(), new Entry(f, conditions, cited + "#" + f.id(), shipped, new ArrayList<>()));
            }
        }
        for (MissingEvidenceDefinition m : file.missingEvidence()) {
            if (checkId(m.id(), m.at(), cited, "missing evidence")
                    && unique(missing.containsKey(m.id()), m.at(), cited, "missing evidence " + m.id())) {
                require(m.what(), m.at(), cited, "missingEvidence " + m.id() + ": what", MAX_TEXT);
                require(m.why(), m.at(), cited, "missingEvidence " + m.id() + ": why", MAX_TEXT);
                if (m.collect().isEmpty()) {
                    require(m.how(), m.at(), cited, "missingEvidence " + m.id() + ": how", MAX_TEXT);
                } else if (m.how() != null) {
                    problem(m.at(), cited, "missingEvidence " + m.id() + ": give either 'how' or 'collect' (the "
                            + "collection manifest items 'how' is rendered from), not both");
                }
                List<List<CompiledPattern>> conditions = new ArrayList<>();
                conditions.add(compiler.compile(m.when()));
                m.alsoWhen().forEach(alt -> conditions.add(compiler.compile(alt)));
                List<CompiledPattern> when = conditions.get(0);
                if (when.isEmpty() && problems.isEmpty()) {
                    problem(m.at(), cited, "missingEvidence " + m.id() + " needs a 'when'");
                }
                missing.put(m.id(), new CompiledMissingEvidence(m, conditions, cited + "#" + m.id()));
            }
        }
        for (CollectItemDefinition c : file.collect()) {
            if (checkId(c.id(), c.at(), cited, "collect item")
                    && unique(collect.containsKey(c.id()), c.at(), cited, "collect item " + c.id())) {
                CollectionCheck.check(c).forEach(m -> problem(c.at(), cited, m));
                collect.values().stream().filter(o -> o.file() != null && o.file().equalsIgnoreCase(c.file()))
                        .findFirst().ifPresent(o -> problem(c.at(), cited, "collect " + c.id() + ": file '" + c.file()
                                + "' is already written by collect item " + o.id()));
                collect.put(c.id(), c);
            }
        }
        for (FindingDefinition o : file.overrides()) {
            if (!o.when().isEmpty() || !o.alsoWhen().isEmpty()) {
                problem(o.at(), cited, "override of " + o.id() + " cannot change 'when' (define a new finding and "
                        + "disable this one instead)");
            }
            checkFinding(o, cited, false);
            overrides.add(new Pending(o.id(), o, cited, o.at()));
        }
        for (String id : file.disable()) {
            disables.add(new Pending(id, null, cited, null));
        }
        for (ExchangeBuildDefinition b : file.exchangeBuilds()) {
            if (b.build() == null || DottedVersion.parse(b.build()) == null) {
                problem(null, cited, "exchangeBuilds: build '" + b.build() + "' must be a dotted number like 15.1.2507.6");
            } else if (b.tag() == null || !b.tag().matches("S\\d{1,3}")) {
                problem(null, cited, "exchangeBuilds: build " + b.build() + " needs the tag of its source (S56)");
            } else {
                require(b.product(), null, cited, "exchangeBuilds: build " + b.build() + ": product", MAX_TITLE);
                require(b.name(), null, cited, "exchangeBuilds: build " + b.build() + ": name", MAX_TITLE);
                // a later folder may correct a row: the last definition of a build wins
                builds.put(b.build(), b);
            }
        }
        for (ExampleDefinition e : file.examples()) {
            if (e.name() == null || !ID.matcher(e.name()).matches()) {
                problem(null, cited, "example name '" + e.name() + "' must be lower-case letters, digits and dashes");
            } else if (unique(examples.containsKey(e.name()), null, cited, "example " + e.name())) {
                if (e.inputs().isEmpty()) {
                    problem(null, cited, "example " + e.name() + " has no inputs");
                }
                examples.put(e.name(), new KnowledgeExample(e, dir, source.root(), cited, shipped));
            }
        }
    }

    private Knowledge finish() {
        for (Pending o : overrides) {
            Entry target = findings.get(o.id);
            if (target == null) {
                problem(o.at, o.file, "override of unknown finding '" + o.id + "'");
                continue;
            }
            FindingDefinition d = target.definition;
            FindingDefinition p = o.override;
            target.definition = new FindingDefinition(d.id(), p.severity() != null ? p.severity() : d.severity(),
                    p.direction() != null ? p.direction() : d.direction(), p.title() != null ? p.title() : d.title(),
                    p.summary() != null ? p.summary() : d.summary(), d.when(), d.alsoWhen(),
                    p.remediation().isEmpty() ? d.remediation() : p.remediation(),
                    p.references().isEmpty() ? d.references() : p.references(),
                    p.fix().isEmpty() ? d.fix() : p.fix(), d.at());
            target.overriddenBy.add(o.file + "#" + o.id);
        }
        for (Pending d : disables) {
            if (!findings.containsKey(d.id) && !missing.containsKey(d.id)) {
                problem(null, d.file, "disable names unknown finding '" + d.id + "'");
            }
            disabled.add(d.id);
        }
        problems.addAll(CollectionCheck.references(collect, findings.keySet(),
                missing.values().stream().map(CompiledMissingEvidence::definition).toList()));
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        CollectionManifest manifest = new CollectionManifest(List.copyOf(collect.values()));
        missing.replaceAll((id, m) -> m.definition().collect().isEmpty() ? m : new CompiledMissingEvidence(
                withHow(m.definition(), ManualCommands.how(manifest.items(m.definition().collect()))),
                m.conditions(), m.rule()));
        List<CompiledFinding> compiled = findings.values().stream()
                .filter(e -> !disabled.contains(e.definition.id()))
                .map(e -> new CompiledFinding(FixCommands.expand(e.definition), e.conditions, e.rule, e.shipped, List.copyOf(e.overriddenBy)))
                .toList();
        List<CompiledMissingEvidence> missingEvidence = missing.values().stream()
                .filter(m -> !disabled.contains(m.id())).toList();
        return new Knowledge(List.copyOf(symptoms.values()), compiled, missingEvidence,
                List.copyOf(examples.values()), List.copyOf(disabled), List.copyOf(builds.values()), manifest);
    }

    private static MissingEvidenceDefinition withHow(MissingEvidenceDefinition d, String how) {
        return new MissingEvidenceDefinition(d.id(), d.what(), d.why(), how, d.collect(), d.when(), d.alsoWhen(),
                d.at());
    }

    private void checkSymptom(SymptomDefinition s, String file) {
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
        checkReferences(s.references(), s.at(), file, "symptom " + s.id(), false);
    }

    private void checkFinding(FindingDefinition f, String file, boolean complete) {
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
        checkReferences(f.references(), f.at(), file, what, complete);
        FixCheck.check(f.fix(), what).forEach(m -> problem(f.at(), file, m));
        FixCheck.checkSteps(f, what).forEach(m -> problem(f.at(), file, m));
    }

    private void checkReferences(List<ReferenceDefinition> refs, SourceLocation at, String file, String what,
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

    private void require(String text, SourceLocation at, String file, String what, int max) {
        if (text == null || text.isBlank()) {
            problem(at, file, what + " is missing");
        } else if (text.length() > max) {
            problem(at, file, what + " is longer than " + max + " characters");
        }
    }

    private boolean checkId(String id, SourceLocation at, String file, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            problem(at, file, what + " id '" + id + "' must be 2-64 lower-case letters, digits, dots and dashes");
            return false;
        }
        return true;
    }

    private boolean unique(boolean exists, SourceLocation at, String file, String what) {
        if (exists) {
            problem(at, file, what + " is defined twice (use 'overrides' to change a finding from another file)");
            return false;
        }
        return true;
    }

    private void problem(SourceLocation at, String file, String message) {
        problems.add(KnowledgeProblem.at(at, file, message));
    }

    private static final class Entry {
        FindingDefinition definition;
        final List<List<CompiledPattern>> conditions;
        final String rule;
        final boolean shipped;
        final List<String> overriddenBy;

        Entry(FindingDefinition definition, List<List<CompiledPattern>> conditions, String rule, boolean shipped,
              List<String> overriddenBy) {
            this.definition = definition;
            this.conditions = conditions;
            this.rule = rule;
            this.shipped = shipped;
            this.overriddenBy = overriddenBy;
        }
    }

    private record Pending(String id, FindingDefinition override, String file, SourceLocation at) {
    }
}
