package io.mailflowkb.rules.engine;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.finding.Confidence;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.rules.derive.Derived;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.explain.Firing;
import io.mailflowkb.rules.explain.Matched;
import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Trace;
import io.mailflowkb.rules.fix.FixResolution;
import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.CompiledMissingEvidence;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.report.Confirmations;
import io.mailflowkb.rules.report.FindingOrder;
import io.mailflowkb.rules.report.HostSummaries;
import io.mailflowkb.rules.report.MailFlows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
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

    public Engine(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.kieBase = KieBaseBuilder.createKieBaseFromModel(
                List.of(ShippedRules.model(), RuleTranslator.translate(knowledge)));
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
        try {
            if (traced) {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        List<Matched> on = new ArrayList<>();
                        for (Object o : event.getMatch().getObjects()) {
                            on.add(matched(o));
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
            RunConstants constants = constants();
            constants.inserts().forEach(session::insert);
            session.fireAllRules(MAX_FIRINGS);

            SessionOutput out = SessionOutput.of(session.getObjects());
            // Working memory has no stable order: sort hits (each rendered once) so the same input gives
            // byte-identical output.
            List<Rendered> rendered = new ArrayList<>(out.hits.size());
            for (FindingHit h : out.hits) {
                List<Evidence> lines = render(h);
                rendered.add(new Rendered(h.findingId(), lines, sortKey(lines)));
            }
            rendered.sort(Comparator.comparing(Rendered::findingId).thenComparing(Rendered::sortKey));
            Map<String, Set<Evidence>> evidence = new TreeMap<>();
            for (Rendered r : rendered) {
                evidence.computeIfAbsent(r.findingId(), k -> new LinkedHashSet<>()).addAll(r.lines());
            }
            // Correlation notes (root cause, confidence) come last, in a stable order.
            out.notes.forEach((id, texts) -> {
                Set<Evidence> lines = evidence.get(id);
                if (lines != null) {
                    texts.forEach(t -> lines.add(Evidence.note(t)));
                }
            });
            List<Finding> findings = new ArrayList<>(evidence.size());
            for (Map.Entry<String, Set<Evidence>> e : evidence.entrySet()) {
                CompiledFinding f = constants.findings().get(e.getKey());
                if (f == null) {
                    continue;
                }
                List<FindingHit> own = out.hitsByFinding.getOrDefault(e.getKey(), List.of());
                Confidence confidence = out.lowered.contains(e.getKey()) ? Confidence.LOWER : Confidence.HIGH;
                List<String> causes = new ArrayList<>();
                for (String note : out.notes.getOrDefault(e.getKey(), Set.of())) {
                    String cause = FindingNote.rootCauseIn(note);
                    if (cause != null && evidence.containsKey(cause)) {
                        causes.add(cause);
                    }
                }
                findings.add(toFinding(f, EvidenceRenderer.citeEachLineOnce(e.getValue()), own, out.baseline,
                        confidence, causes, out.raised.get(e.getKey()), constants.references().get(f.id())));
            }
            List<Finding> ordered = FindingOrder.sort(findings);
            List<MissingEvidence> missing = new ArrayList<>();
            for (CompiledMissingEvidence m : knowledge.missingEvidence()) {
                if (out.missingIds.contains(m.id())) {
                    missing.add(new MissingEvidence(m.definition().what(), m.definition().why(), m.definition().how()));
                }
            }
            Confirmations.Result confirmed = Confirmations.of(bundle, out.confirmable);
            Diagnosis diagnosis = new Diagnosis(HostSummaries.of(bundle, knowledge.exchangeBuilds()), ordered, null,
                    confirmed.confirmed(), confirmed.notExamined(), MailFlows.of(bundle, ordered, logFlows(out.hits)), missing,
                    bundle.inputs());
            if (!traced) {
                return new Result(diagnosis, Trace.NONE);
            }
            List<NotFired> notFired = new ArrayList<>();
            List<Object> facts = new ArrayList<>(session.getObjects());
            for (CompiledFinding f : knowledge.findings()) {
                if (!evidence.containsKey(f.id())) {
                    notFired.add(WhyNot.explain(f, facts));
                }
            }
            return new Result(diagnosis, new Trace(fired, notFired));
        } finally {
            session.dispose();
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

    /** Per finding, the directions of the log facts that proved it (over all its hits). */
    private static Map<String, Set<String>> logFlows(List<FindingHit> hits) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (FindingHit h : hits) {
            out.computeIfAbsent(h.findingId(), k -> new java.util.TreeSet<>()).addAll(MailFlows.directionsOf(h.facts()));
        }
        return out;
    }

    private record Rendered(String findingId, List<Evidence> lines, String sortKey) {
    }

    /**
     * Exactly {@code lines.toString()} (the order the output has always had), without the record's toString:
     * that goes through String.format in JDK 17 and was a tenth of a warm diagnosis.
     */
    static String sortKey(List<Evidence> lines) {
        StringBuilder b = new StringBuilder(64 * lines.size() + 2).append('[');
        for (int i = 0; i < lines.size(); i++) {
            Evidence e = lines.get(i);
            b.append(i == 0 ? "" : ", ").append("Evidence[source=").append(e.source()).append(", fact=")
                    .append(e.fact()).append(']');
        }
        return b.append(']').toString();
    }

    private static List<Evidence> render(FindingHit h) {
        List<Evidence> lines = new ArrayList<>();
        h.facts().forEach(f -> lines.addAll(EvidenceRenderer.render(f)));
        return lines;
    }

    private static Finding toFinding(CompiledFinding f, List<Evidence> evidence, List<FindingHit> hits,
                                     ExchangeBaseline baseline, Confidence confidence, List<String> causedBy,
                                     Severity raised, List<Reference> refs) {
        FindingDefinition d = f.definition();
        List<RemediationStep> steps = RemediationPlan.steps(d.remediation(), hits, baseline);
        Severity severity = raised != null && raised.compareTo(d.severity()) < 0 ? raised : d.severity();
        List<Object> matched = new ArrayList<>();
        hits.forEach(h -> matched.addAll(h.facts()));
        return new Finding(d.id(), severity, d.title(), d.summary(), d.direction(), null, causedBy, evidence, steps,
                refs, f.rule(), confidence, FixResolution.resolve(d.fix(), matched));
    }
}
