package io.mailflowkb.rules;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.SymptomSet;
import io.mailflowkb.rules.engine.Engine;
import io.mailflowkb.rules.explain.Trace;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeLoader;
import io.mailflowkb.rules.knowledge.KnowledgeSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The public entry point: load knowledge once, then diagnose any number of fact bundles, from any number of
 * threads. Never prints, never exits; bad knowledge is a {@link KnowledgeException}.
 *
 * <p>Threads: an instance is immutable after {@link #load} (after {@link #start}, once its rule engine is built). It holds one compiled rule base that all calls share
 * and gives each {@link #diagnose} call its own rule session, disposed before the call returns, so concurrent
 * calls never see each other's facts. Loading is the expensive part (hundreds of milliseconds); a diagnosis of
 * a small bundle takes tens of microseconds once the JVM is warm. Keep one instance for the life of the program.
 *
 * <p>Inputs: bundles come from {@link io.mailflowkb.model.bundle.BundleCodec#read} (a file written by
 * {@code kb collect}), from {@link FactBundle#builder()}, or from a
 * {@link io.mailflowkb.model.spi.FactCollector} run into a {@link io.mailflowkb.model.spi.CollectingSink}. Bad
 * input fails there, as {@link io.mailflowkb.model.InvalidInputException}, before it reaches the rules.
 *
 * <p>See {@code docs/embedding.md} for a complete walk-through.
 *
 * <pre>{@code
 * Diagnostician kb = Diagnostician.load(List.of(Path.of("my-knowledge")));
 * Diagnosis d = kb.diagnose(BundleCodec.read(Path.of("server01.yaml")));
 * d.findings().forEach(f -> System.out.println(f.id() + " " + f.title()));
 * }</pre>
 */
public final class Diagnostician {

    private final EngineBuild build;
    private volatile SymptomSet compiledSymptoms;

    Diagnostician(EngineBuild build) {
        this.build = build;
    }

    /**
     * The shipped knowledge only.
     *
     * @throws KnowledgeException when the shipped knowledge is invalid (a broken installation)
     */
    public static Diagnostician load() {
        return load(List.of());
    }

    /**
     * The shipped knowledge plus folders, applied in order: later folders may add findings and symptoms, override a
     * finding's text, severity or remediation by id, or disable it. A first folder that is a shipped-knowledge root
     * (a checkout's {@code knowledge/}, which holds {@code schema/knowledge.schema.json}) stands in for the packaged
     * copy: how knowledge authors run their edits of the shipped files.
     *
     * @throws KnowledgeException when any knowledge file is invalid (every problem is listed with file:line:column)
     */
    public static Diagnostician load(List<Path> knowledgeDirs) {
        return new Diagnostician(EngineBuild.now(knowledgeDirs));
    }

    /**
     * {@link #load(List)} for a program that has other work to do before its first diagnosis (a CLI reading its
     * input): loads and validates the knowledge now, on this thread, and builds the rule engine on a background
     * thread while the caller goes on. Knowledge problems are thrown here, exactly as {@link #load(List)} throws
     * them; {@link #diagnose} and {@link #explain} wait for the rule engine, and throw what building it threw (a bug,
     * never the user's knowledge). Takes the work {@link #preload} started when {@code knowledgeDirs} is empty.
     *
     * @throws KnowledgeException when any knowledge file is invalid
     */
    public static Diagnostician start(List<Path> knowledgeDirs) {
        return new Diagnostician(EngineBuild.started(knowledgeDirs));
    }

    /**
     * Starts, once per JVM, loading the shipped knowledge and building its rule engine on a background daemon
     * thread, for a program that will ask for the shipped knowledge alone soon: {@code kb diagnose} calls it first
     * thing in {@code main}, so the work runs while the command line is parsed. The next {@link #load(List)} or
     * {@link #start(List)} with no folders takes that work (and throws whatever it threw); one with folders loads
     * its own, and the preload then skips its rule engine. Never throws, never prints.
     */
    public static void preload() {
        EngineBuild.preload();
    }

    /**
     * The validated knowledge alone, from the same folders {@link #load(List)} takes, without building the rule
     * engine: what a collector needs (the symptom strings) or {@code kb collect-script} (the collection manifest)
     * costs a fraction of {@link #load(List)}, which matters for {@code kb collect} over large log folders.
     *
     * @throws KnowledgeException when any knowledge file is invalid
     */
    public static Knowledge loadKnowledge(List<Path> knowledgeDirs) {
        StartupMarks.mark("knowledge: start");
        // finds the folders; kb.jar's packaged one is opened as a file system only when an example is read
        List<KnowledgeSource> sources = KnowledgeSource.forFolders(knowledgeDirs);
        StartupMarks.mark("knowledge: folders found");
        Knowledge k = KnowledgeLoader.load(sources, StartupMarks::mark);
        StartupMarks.mark("knowledge: loaded");
        return k;
    }

    /**
     * Diagnoses one bundle. Thread-safe; the same bundle always gives an equal diagnosis (findings sorted most
     * severe first, then by id), whichever thread asks and whatever runs at the same time.
     *
     * @param bundle the facts about one server; not modified
     * @return the findings with evidence and remediation, the evidence still missing, and the inputs read
     */
    public Diagnosis diagnose(FactBundle bundle) {
        StartupMarks.mark("diagnose: asked");
        Engine engine = build.engine();
        StartupMarks.mark("diagnose: rule engine ready");
        Diagnosis d = engine.run(bundle, false).diagnosis();
        StartupMarks.mark("diagnose: done");
        return d;
    }

    /** Diagnoses one bundle and records which rules fired on which facts, and why the other findings did not. */
    public Explained explain(FactBundle bundle) {
        Engine.Result r = build.engine().run(bundle, true);
        return new Explained(r.diagnosis(), r.trace());
    }

    /**
     * The loaded knowledge: findings with their origin, symptoms, missing-evidence items, examples. Its types live
     * in {@code io.mailflowkb.rules.knowledge} and are for tools that list or test knowledge ({@code kb rules});
     * they may change between versions, unlike {@link Diagnosis} and the kb-model records.
     */
    public Knowledge knowledge() {
        return build.knowledge();
    }

    /** The symptom strings collectors should look for, as the knowledge declares them. */
    public List<SymptomDefinition> symptoms() {
        return knowledge().symptoms();
    }

    /**
     * The same symptoms compiled once for collectors: pass this in every
     * {@link io.mailflowkb.model.spi.CollectionRequest} so no collector compiles knowledge itself.
     */
    public SymptomSet compiledSymptoms() {
        SymptomSet compiled = compiledSymptoms;
        if (compiled == null) {
            // a benign race: both threads compile the same set
            compiled = SymptomSet.of(knowledge().symptoms(), knowledge().exoAddressRanges());
            compiledSymptoms = compiled;
        }
        return compiled;
    }

    /**
     * A diagnosis with its {@link Trace}: the rules that fired and the facts each matched, and for each finding
     * that did not fire, the first pattern of each condition list the facts did not satisfy. Data, not text: how
     * it reads is the renderers' business ({@code kb diagnose --explain}).
     */
    public record Explained(Diagnosis diagnosis, Trace trace) {
    }

}
