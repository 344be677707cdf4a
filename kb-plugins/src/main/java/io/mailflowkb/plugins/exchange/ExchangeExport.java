package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.SymptomSet;
import io.mailflowkb.plugins.logs.ExoEndpoints;
import io.mailflowkb.plugins.logs.SymptomMatcher;
import io.mailflowkb.plugins.healthchecker.HealthCheckerTls;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.Collections;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the PowerShell objects of one export and sends every fact they hold to the sink: Exchange cmdlet objects
 * (connectors, certificates, hybrid configuration, EXO connectors, the Exchange server) and HealthChecker's TLS
 * and .NET registry readout, wherever they appear - top level (one cmdlet's export, or one HealthChecker test
 * fixture) or deep inside a whole {@code HealthChecker-<server>-<date>.xml}. An object shared through CLIXML
 * {@code <Ref>} is read once. Queue objects ({@code Get-Queue} exported the same ways) have their
 * {@code LastError} matched against the knowledge's symptom strings.
 */
final class ExchangeExport {

    private static final int MAX_SAMPLES = 20;

    private final String source;
    private final FactSink sink;
    private final Set<PsValue.Obj> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final SymptomMatcher symptoms;
    private final Map<String, List<Provenance>> symptomSamples = new LinkedHashMap<>();
    private final Map<String, String> symptomText = new LinkedHashMap<>();
    private final Map<String, String> symptomDirection = new LinkedHashMap<>();
    private final Map<String, Integer> symptomCount = new LinkedHashMap<>();
    private final Map<String, String> symptomPeer = new LinkedHashMap<>();
    private String collectedAt;
    private int facts;

    ExchangeExport(String source, String collectedAt, SymptomSet knowledge, FactSink sink) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.sink = sink;
        this.symptoms = new SymptomMatcher(knowledge);
    }

    /** Sends the symptoms found in queue errors, one fact per symptom id with every place it was seen. */
    void finish() {
        symptomSamples.forEach((id, where) -> emit(new Symptom(id, symptomText.get(id), FlowDirection.of(symptomDirection.get(id)),
                PeerClass.of(symptomPeer.get(id)), null, symptomCount.get(id), null, null, where)));
    }

    int facts() {
        return facts;
    }

    void accept(PsValue value) {
        if (!(value instanceof PsValue.Obj o) || !seen.add(o)) {
            return;
        }
        if (HealthCheckerTls.isTlsVersion(o) || HealthCheckerTls.isDotNet(o)) {
            HealthCheckerTls.facts(o, source, this::warn).forEach(this::emit);
            return;
        }
        if (o.member("HealthCheckerVersion") != null && o.member("ServerName") != null) {
            // HealthCheckerExchangeServer: its generation time is when the evidence was collected
            String generated = PsDates.instant(PsText.text(o.member("GenerationTime")));
            if (generated != null) {
                collectedAt = generated;
            }
            emit(new HostProfile(null, null, null, null, null, PsText.text(o.member("ServerName")), null, generated,
                    new Provenance(source, o.line(), o.path())));
        }
        Fact f = new ExchangeObjects(source, collectedAt, this::warn).map(o);
        if (f != null) {
            emit(f);
            return;
        }
        String lastError = PsText.text(o.member("LastError"));
        if (lastError != null) {
            for (SymptomDefinition d : symptoms.match(lastError)) {
                PsValue at = o.member("LastError");
                List<Provenance> where = symptomSamples.computeIfAbsent(d.id(), k -> new ArrayList<>());
                if (where.size() < MAX_SAMPLES) {
                    where.add(new Provenance(source, at.line(), at.path()));
                }
                symptomCount.merge(d.id(), 1, Integer::sum);
                symptomText.putIfAbsent(d.id(), lastError.length() > 500 ? lastError.substring(0, 500) : lastError);
                symptomDirection.putIfAbsent(d.id(), d.direction() == null ? "unknown" : d.direction());
                symptomPeer.putIfAbsent(d.id(), ExoEndpoints.classify(PsText.text(o.member("NextHopDomain")), null));
            }
        }
        o.members().values().forEach(this::accept);
        o.items().forEach(this::accept);
        o.entries().values().forEach(this::accept);
    }

    private void emit(Fact f) {
        facts++;
        sink.fact(f);
    }

    private void warn(String message) {
        sink.warning(source, null, message);
    }
}
