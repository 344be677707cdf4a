package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import io.mailflowkb.model.knowledge.ConditionDefinition;
import io.mailflowkb.model.knowledge.ExampleDefinition;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.model.knowledge.ExoAddressRangeDefinition;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.KnowledgeFile;
import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import io.mailflowkb.model.knowledge.PatternDefinition;
import io.mailflowkb.model.knowledge.SourceLocation;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.knowledge.WindowsReleaseDefinition;
import io.mailflowkb.model.spi.ExoAddressRanges;
import io.mailflowkb.rules.collect.CollectionManifest;
import io.mailflowkb.rules.collect.ManualCommands;
import io.mailflowkb.rules.derive.DottedVersion;
import io.mailflowkb.rules.derive.WindowsReleases;
import io.mailflowkb.rules.fix.FixCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Loads knowledge folders in order (shipped first, then each user folder), validates every element, applies
 * overrides and disables by id, and compiles conditions. All problems are collected and reported together.
 * Conditions are compiled once every file is read, because a named condition may be defined in a later file than
 * the finding that uses it.
 */
public final class KnowledgeLoader {

    private final List<KnowledgeProblem> problems = new ArrayList<>();
    private final ElementChecks checks = new ElementChecks(problems);
    private final NamedConditions conditions = new NamedConditions(problems, checks, this::windowsReleases);
    private final Map<String, SymptomDefinition> symptoms = new LinkedHashMap<>();
    private final Map<String, Entry> findings = new LinkedHashMap<>();
    private final Map<String, PendingMissing> missing = new LinkedHashMap<>();
    private final Map<String, KnowledgeExample> examples = new LinkedHashMap<>();
    private final Map<String, CollectItemDefinition> collect = new LinkedHashMap<>();
    private final List<Pending> overrides = new ArrayList<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<Pending> disables = new ArrayList<>();
    private final Map<String, ExchangeBuildDefinition> builds = new TreeMap<>(DottedVersion.ORDER);
    private final Map<String, WindowsReleaseDefinition> releases = new LinkedHashMap<>();
    private WindowsReleases windowsReleases;
    private final Map<String, ExoAddressRangeDefinition> exoRanges = new LinkedHashMap<>();
    private final Set<String> exoRangeFiles = new LinkedHashSet<>();
    /** Whether the current source's elements get the checks of single elements (false: validated at build time). */
    private boolean elementChecks = true;

    /** Told as each part of the load ends (start-up marks). */
    private final Consumer<String> phases;

    private KnowledgeLoader(Consumer<String> phases) {
        this.phases = phases;
    }

    /** Loads and merges the given sources; throws {@link KnowledgeException} listing every problem found. */
    public static Knowledge load(List<KnowledgeSource> sources) {
        return load(sources, true, phase -> { });
    }

    /**
     * {@link #load(List)}, telling {@code phases} as each part of it ends ({@code knowledge: files added},
     * {@code ... conditions compiled}, {@code ... links checked}): how {@code Diagnostician} marks start-up phases
     * (docs/perf.md) without this package depending on the one above it.
     */
    public static Knowledge load(List<KnowledgeSource> sources, Consumer<String> phases) {
        return load(sources, true, phases);
    }

    /** With {@code prebuilt} false every file is parsed from YAML, even where the build-time form fits. */
    static Knowledge load(List<KnowledgeSource> sources, boolean prebuilt) {
        return load(sources, prebuilt, phase -> { });
    }

    private static Knowledge load(List<KnowledgeSource> sources, boolean prebuilt, Consumer<String> phases) {
        KnowledgeLoader loader = new KnowledgeLoader(phases);
        for (KnowledgeSource source : sources) {
            // the jar's packaged folder and the form in the same jar were made by one build: the form is the
            // folder's files, so it is neither opened, listed nor read; any other folder is listed and compared
            Map<String, KnowledgeFile> standIn = prebuilt ? PrebuiltKnowledge.standsInFor(source) : null;
            if (standIn != null) {
                loader.elementChecks = false; // it stands in only for a folder the build validated whole
                standIn.forEach((relative, file) -> loader.add(file, source.cite(relative), folderOf(relative), source));
                continue;
            }
            List<Path> paths = source.files();
            Map<String, KnowledgeFile> form = new LinkedHashMap<>();
            for (Path file : paths) {
                KnowledgeFile parsed = prebuilt ? PrebuiltKnowledge.lookup(source, file, source.cite(file)) : null;
                if (parsed != null) {
                    form.put(source.cite(file), parsed);
                }
            }
            // the shipped folder exactly as the build loaded it with every check: the checks of single elements
            // cannot find anything new there; all that relates elements (ids defined twice, overrides, disables,
            // links, conditions) still runs, as user folders come on top and are always checked in full
            loader.elementChecks = !PrebuiltKnowledge.validatedAtBuild(source, paths.size(), form.keySet());
            for (Path file : paths) {
                String cited = source.cite(file);
                try {
                    // the build-time form holds only files that parsed without any problem; otherwise the
                    // YAML: unknown keys are reported and skipped, so the rest of the file is still checked
                    KnowledgeFile parsed = form.get(cited);
                    loader.add(parsed != null ? parsed : KnowledgeReader.read(file, cited, loader.problems), cited,
                            folderOf(source.relative(file)), source);
                } catch (KnowledgeException e) {
                    loader.problems.addAll(e.problems());
                }
            }
        }
        phases.accept("knowledge: files added");
        return loader.finish();
    }

    /** The folder of the file at {@code relative} ({@code /}-separated), relative to the same root; "" for the root. */
    private static String folderOf(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** Adds one file's elements; {@code folder} is the file's folder relative to {@code source}'s root. */
    private void add(KnowledgeFile file, String cited, String folder, KnowledgeSource source) {
        for (SymptomDefinition s : file.symptoms()) {
            if (checks.id(s.id(), s.at(), cited, "symptom")
                    && checks.unique(symptoms.containsKey(s.id()), s.at(), cited, "symptom " + s.id())) {
                if (elementChecks) {
                    checks.symptom(s, cited);
                }
                symptoms.put(s.id(), s);
            }
        }
        for (ConditionDefinition c : file.conditions()) {
            conditions.add(c, cited);
        }
        for (FindingDefinition f : file.findings()) {
            if (checks.id(f.id(), f.at(), cited, "finding")
                    && checks.unique(findings.containsKey(f.id()), f.at(), cited, "finding " + f.id())) {
                if (elementChecks) {
                    checks.finding(f, cited, true);
                }
                findings.put(f.id(), new Entry(f, cited, source.shipped()));
            }
        }
        for (MissingEvidenceDefinition m : file.missingEvidence()) {
            if (checks.id(m.id(), m.at(), cited, "missing evidence")
                    && checks.unique(missing.containsKey(m.id()), m.at(), cited, "missing evidence " + m.id())) {
                if (elementChecks) {
                    checks.missingEvidence(m, cited);
                }
                missing.put(m.id(), new PendingMissing(m, cited));
            }
        }
        for (CollectItemDefinition c : file.collect()) {
            if (checks.id(c.id(), c.at(), cited, "collect item")
                    && checks.unique(collect.containsKey(c.id()), c.at(), cited, "collect item " + c.id())) {
                if (elementChecks) {
                    CollectionCheck.check(c).forEach(m -> checks.problem(c.at(), cited, m));
                }
                collect.values().stream().filter(o -> o.file() != null && o.file().equalsIgnoreCase(c.file()))
                        .findFirst().ifPresent(o -> checks.problem(c.at(), cited, "collect " + c.id() + ": file '"
                                + c.file() + "' is already written by collect item " + o.id()));
                collect.put(c.id(), c);
            }
        }
        for (FindingDefinition o : file.overrides()) {
            if (!o.when().isEmpty() || !o.alsoWhen().isEmpty()) {
                checks.problem(o.at(), cited, "override of " + o.id() + " cannot change 'when' (define a new finding "
                        + "and disable this one instead)");
            }
            checks.finding(o, cited, false);
            overrides.add(new Pending(o.id(), o, cited, o.at()));
        }
        for (String id : file.disable()) {
            disables.add(new Pending(id, null, cited, null));
        }
        for (ExchangeBuildDefinition b : file.exchangeBuilds()) {
            if (!elementChecks || checks.build(b, cited)) {
                builds.put(b.build(), b); // a later folder may correct a row: the last definition of a build wins
            }
        }
        for (WindowsReleaseDefinition r : file.windowsReleases()) {
            if (checks.release(r, cited)) {
                releases.put(r.release(), r); // a later folder may correct a row: the last one of a release wins
            }
        }
        for (ExoAddressRangeDefinition r : file.exoAddressRanges()) {
            if (checks.exoRange(r, cited)) {
                exoRanges.put(r.range(), r); // a later folder adds ranges; the same range again replaces the row
                exoRangeFiles.add(cited);
            }
        }
        for (ExampleDefinition e : file.examples()) {
            if (e.name() == null || !ElementChecks.ID.matcher(e.name()).matches()) {
                checks.problem(null, cited, "example name '" + e.name() + "' must be lower-case letters, digits and "
                        + "dashes");
            } else if (checks.unique(examples.containsKey(e.name()), null, cited, "example " + e.name())) {
                if (e.inputs().isEmpty()) {
                    checks.problem(null, cited, "example " + e.name() + " has no inputs");
                }
                examples.put(e.name(), new KnowledgeExample(e, source, folder, cited));
            }
        }
    }

    private Knowledge finish() {
        windowsReleases = WindowsReleases.of(List.copyOf(releases.values())); // before any condition compiles
        applyOverrides();
        for (Pending d : disables) {
            if (!findings.containsKey(d.id) && !missing.containsKey(d.id)) {
                checks.problem(null, d.file, "disable names unknown finding '" + d.id + "'");
            }
            disabled.add(d.id);
        }
        Map<String, CompiledFinding> compiled = new LinkedHashMap<>();
        findings.forEach((id, e) -> compiled.put(id, compile(e)));
        List<CompiledMissingEvidence> missingEvidence = new ArrayList<>();
        missing.values().forEach(m -> missingEvidence.add(compile(m)));
        phases.accept("knowledge: conditions compiled");
        conditions.checkUnused();
        KnowledgeLinks.check(findings.values().stream().map(e -> e.definition).toList(),
                e -> findings.get(e).cited, examples.values(), checks);
        problems.addAll(CollectionCheck.references(collect, findings.keySet(),
                missingEvidence.stream().map(CompiledMissingEvidence::definition).toList()));
        if (!problems.isEmpty()) {
            throw new KnowledgeException(problems);
        }
        phases.accept("knowledge: links checked");
        CollectionManifest manifest = new CollectionManifest(List.copyOf(collect.values()));
        missingEvidence.replaceAll(m -> m.definition().collect().isEmpty() ? m : new CompiledMissingEvidence(
                withHow(m.definition(), ManualCommands.how(manifest.items(m.definition().collect()))),
                m.conditions(), m.rule()));
        return new Knowledge(List.copyOf(symptoms.values()),
                compiled.values().stream().filter(f -> !disabled.contains(f.id())).toList(),
                missingEvidence.stream().filter(m -> !disabled.contains(m.id())).toList(),
                List.copyOf(examples.values()), List.copyOf(disabled), List.copyOf(builds.values()), manifest,
                windowsReleases,
                ExoAddressRanges.of(List.copyOf(exoRanges.keySet()), String.join(", ", exoRangeFiles)));
    }

    private void applyOverrides() {
        for (Pending o : overrides) {
            Entry target = findings.get(o.id);
            if (target == null) {
                checks.problem(o.at, o.file, "override of unknown finding '" + o.id + "'");
                continue;
            }
            FindingDefinition d = target.definition;
            FindingDefinition p = o.override;
            target.definition = new FindingDefinition(d.id(), p.severity() != null ? p.severity() : d.severity(),
                    p.direction() != null ? p.direction() : d.direction(), p.title() != null ? p.title() : d.title(),
                    p.summary() != null ? p.summary() : d.summary(), d.when(), d.alsoWhen(),
                    p.remediation().isEmpty() ? d.remediation() : p.remediation(),
                    p.references().isEmpty() ? d.references() : p.references(),
                    p.fix().isEmpty() ? d.fix() : p.fix(), p.causedBy() != null ? p.causedBy() : d.causedBy(),
                    d.at());
            target.overriddenBy.add(o.file + "#" + o.id);
        }
    }

    private CompiledFinding compile(Entry e) {
        FindingDefinition f = e.definition;
        List<List<CompiledPattern>> lists = compileAll(f.when(), f.alsoWhen(), e.cited);
        for (List<CompiledPattern> when : lists) {
            if (when.stream().noneMatch(CompiledPattern::binds)) {
                checks.problem(f.at(), e.cited, "finding " + f.id() + " needs at least one present pattern in each "
                        + "condition list (its facts become the evidence)");
            } else if (when.stream().filter(CompiledPattern::binds).count() > CompiledPattern.MAX_BOUND) {
                checks.problem(f.at(), e.cited, "finding " + f.id() + " has more than " + CompiledPattern.MAX_BOUND
                        + " present patterns in one condition list");
            }
        }
        return new CompiledFinding(FixCommands.expand(f), lists, e.cited + "#" + f.id(), e.shipped, List.copyOf(e.overriddenBy));
    }

    private CompiledMissingEvidence compile(PendingMissing p) {
        MissingEvidenceDefinition m = p.definition;
        int before = problems.size();
        List<List<CompiledPattern>> lists = compileAll(m.when(), m.alsoWhen(), p.cited);
        if (lists.get(0).isEmpty() && problems.size() == before) {
            checks.problem(m.at(), p.cited, "missingEvidence " + m.id() + " needs a 'when'");
        }
        return new CompiledMissingEvidence(m, lists, p.cited + "#" + m.id());
    }

    /** {@code when} first, then each {@code alsoWhen} list, compiled by the compiler of the file that gives them. */
    private List<List<CompiledPattern>> compileAll(List<PatternDefinition> when, List<List<PatternDefinition>> also,
                                                   String cited) {
        PatternCompiler compiler = new PatternCompiler(cited, problems, conditions, windowsReleases);
        List<List<CompiledPattern>> lists = new ArrayList<>();
        lists.add(compiler.compile(when));
        also.forEach(alt -> lists.add(compiler.compile(alt)));
        return lists;
    }

    private WindowsReleases windowsReleases() {
        return windowsReleases;
    }

    private static MissingEvidenceDefinition withHow(MissingEvidenceDefinition d, String how) {
        return new MissingEvidenceDefinition(d.id(), d.what(), d.why(), how, d.collect(), d.when(), d.alsoWhen(),
                d.at());
    }

    private static final class Entry {
        FindingDefinition definition;
        final String cited;
        final boolean shipped;
        final List<String> overriddenBy = new ArrayList<>();

        Entry(FindingDefinition definition, String cited, boolean shipped) {
            this.definition = definition;
            this.cited = cited;
            this.shipped = shipped;
        }
    }

    private record PendingMissing(MissingEvidenceDefinition definition, String cited) {
    }

    private record Pending(String id, FindingDefinition override, String file, SourceLocation at) {
    }
}
