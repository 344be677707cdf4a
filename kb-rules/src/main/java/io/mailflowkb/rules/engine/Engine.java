package io.mailflowkb.rules.engine;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.rules.derive.Derived;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.explain.Firing;
import io.mailflowkb.rules.explain.Matched;
import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Trace;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One KieBase made of the shipped rules (pre-built DRL) and the translated knowledge, and the per-diagnosis
 * session around it. Internal: the public API is {@code io.mailflowkb.rules.Diagnostician}; no Drools type leaves
 * this package.
 */
public final class Engine {

    /** A diagnosis that fires more rules than this is looping; stop rather than hang. */
    static final int MAX_FIRINGS = 100_000;

    /** Sessions kept for reuse: a pooled session is reset on dispose instead of rebuilt (its node memories stay). */
    private static final int POOLED_SESSIONS = 4;

    private final Knowledge knowledge;
    private final KieBase kieBase;
    private volatile KieSessionsPool pool;
    /** A fresh session made ahead by {@link #prepareSession}, taken by the next run that would make one. */
    private final AtomicReference<KieSession> ahead = new AtomicReference<>();
    private volatile RunConstants constants;
    private volatile DiagnosisAssembly assembly;

    public Engine(Knowledge knowledge) {
        this(knowledge, RuleNetwork.of(ShippedRules.model(), RuleTranslator.translate(knowledge)));
    }

    private Engine(Knowledge knowledge, KieBase kieBase) {
        this.knowledge = knowledge;
        this.kieBase = kieBase;
    }

    /**
     * The same rules in a KieBase built with Drools' default options ({@link RuleNetwork#withDroolsDefaults}) and each
     * pattern's constraints chained in its canonical order ({@link RuleTranslator.ConstraintOrder#AS_WRITTEN}): the
     * reference the equivalence tests compare an engine with; never used to diagnose.
     */
    public static Engine withDroolsDefaults(Knowledge knowledge) {
        return new Engine(knowledge,
                RuleNetwork.withDroolsDefaults(ShippedRules.model(),
                        RuleTranslator.translate(knowledge, RuleTranslator.ConstraintOrder.AS_WRITTEN)));
    }

    /**
     * Makes the fresh session the next run would make, now: the thread that built the engine calls it while the
     * caller is still reading its input, so a one-shot CLI's first diagnosis does not pay for it (docs/perf.md).
     */
    public void prepareSession() {
        if (ahead.get() == null) {
            KieSession s = kieBase.newKieSession();
            if (!ahead.compareAndSet(null, s)) {
                s.dispose();
            }
        }
    }

    private KieSession fresh() {
        KieSession s = ahead.getAndSet(null);
        return s != null ? s : kieBase.newKieSession();
    }

    /**
     * A fresh session for a traced run (its listener must not outlive it), else one from the pool, made on the second
     * diagnosis: a one-shot CLI run never pays for a pool, a program diagnosing many bundles saves about a third.
     */
    private KieSession session(boolean traced) {
        if (traced) {
            return fresh();
        }
        KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = kieBase.newKieSessionsPool(POOLED_SESSIONS);
                    return fresh();
                }
                p = pool;
            }
        }
        return p.newKieSession();
    }

    /** Made on the first diagnosis (a benign race: two threads may both make equal ones). */
    private RunConstants constants() {
        RunConstants c = constants;
        if (c == null) {
            c = RunConstants.of(knowledge);
            constants = c;
        }
        return c;
    }

    /** Made with the constants (the same benign race). */
    private DiagnosisAssembly assembly(RunConstants constants) {
        DiagnosisAssembly a = assembly;
        if (a == null) {
            a = new DiagnosisAssembly(knowledge, constants);
            assembly = a;
        }
        return a;
    }

    /**
     * What one run produced: the diagnosis, and with {@code traced} the rules that fired and why other findings did
     * not ({@link Trace#NONE} otherwise).
     */
    public record Result(Diagnosis diagnosis, Trace trace) {
    }

    /** Diagnoses one bundle in a session of its own; {@code traced} also records the {@link Trace}. */
    public Result run(FactBundle bundle, boolean traced) {
        KieSession session = session(traced);
        List<Firing> fired = new ArrayList<>();
        RunConstants constants = constants();
        Inserted inserted = new Inserted();
        session.addEventListener(inserted);
        try {
            if (traced) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        List<Matched> on = new ArrayList<>();
                        for (Object o : event.getMatch().getObjects()) {
                            if (!constants.isInserted(o)) { // the knowledge's tables are no evidence
                                on.add(matched(o));
                            }
                        }
                        fired.add(new Firing(event.getMatch().getRule().getName(), on));
                    }
                });
            }
            session.insert(bundle.host() == null ? HostProfile.UNKNOWN : bundle.host());
            bundle.forEachFact(f -> {
                if (!(f instanceof HostProfile)) {
                    session.insert(f);
                }
            });
            constants.inserts().forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);

            SessionOutput out = SessionOutput.of(inserted.objects);
            DiagnosisAssembly.Assembled assembled = assembly(constants).assemble(bundle, out);
            Diagnosis diagnosis = assembled.diagnosis();
            if (!traced) {
                return new Result(diagnosis, Trace.NONE);
            }
            List<NotFired> notFired = new ArrayList<>();
            List<Object> facts = inserted.objects;
            for (CompiledFinding f : knowledge.findings()) {
                if (!assembled.fired().contains(f.id())) {
                    notFired.add(WhyNot.explain(f, facts));
                }
            }
            return new Result(diagnosis, new Trace(fired, notFired));
        } finally {
            session.removeEventListener(inserted); // a pooled session keeps its listeners
            session.dispose();
        }
    }

    /**
     * Every object a run inserted, given or derived, in insert order: the session's own object store keeps only the
     * facts that matched something ({@link RuleNetwork}), and the diagnosis reads the others too (hits, notes).
     */
    private static final class Inserted extends DefaultRuleRuntimeEventListener {
        final List<Object> objects = new ArrayList<>(64);

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            objects.add(event.getObject());
        }
    }

    /** One matched object in an explanation: facts and derived facts in words, collected lists by size. */
    private static Matched matched(Object o) {
        if (o instanceof Fact f) {
            return Matched.fact(f.describe());
        }
        if (o instanceof Derived d) {
            return Matched.fact(d.describe());
        }
        if (o instanceof ProtocolState s) {
            return Matched.fact(s.describe());
        }
        if (o instanceof java.util.Collection<?> c) {
            return Matched.collection(c.size());
        }
        return Matched.fact(String.valueOf(o));
    }
}
