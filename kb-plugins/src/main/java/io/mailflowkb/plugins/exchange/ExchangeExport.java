package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.plugins.healthchecker.HealthCheckerTls;
import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Walks the PowerShell objects of one export and sends every fact they hold to the sink: Exchange cmdlet objects
 * (connectors, certificates, hybrid configuration, EXO connectors, the Exchange server) and HealthChecker's TLS
 * and .NET registry readout, wherever they appear - top level (one cmdlet's export, or one HealthChecker test
 * fixture) or deep inside a whole {@code HealthChecker-<server>-<date>.xml}. An object shared through CLIXML
 * {@code <Ref>} is read once.
 */
final class ExchangeExport {

    private final String source;
    private final FactSink sink;
    private final Set<PsValue.Obj> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private String collectedAt;
    private int facts;

    ExchangeExport(String source, String collectedAt, FactSink sink) {
        this.source = source;
        this.collectedAt = collectedAt;
        this.sink = sink;
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
            emit(new HostProfile(null, null, null, null, null, PsText.text(o.member("ServerName")),
                    new Provenance(source, o.line(), o.path())));
        }
        Fact f = new ExchangeObjects(source, collectedAt, this::warn).map(o);
        if (f != null) {
            emit(f);
            return;
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
