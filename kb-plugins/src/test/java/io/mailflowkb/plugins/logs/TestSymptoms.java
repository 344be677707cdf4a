package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.model.spi.SymptomSet;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** The seed symptom strings (the real ones come from the knowledge YAML at run time) and run helpers. */
public final class TestSymptoms {

    public static final List<SymptomDefinition> SEED = List.of(
            def("socketerror-421", "outbound", "421 4.4.2 Connection dropped due to SocketError"),
            def("tls-failed-socketerror", "outbound", "TLS negotiation failed with error SocketError"),
            def("starttls-must-issue-451", "unknown", "451 5.7.3 Must issue a STARTTLS command first"),
            def("starttls-required-451", "unknown", "451 5.7.3 STARTTLS is required to send mail"),
            def("smtp-auth-legacy-tls-421-4766", "outbound", "421 4.7.66 TLS 1.0 and 1.1 are not supported"),
            def("tls-failed-unknowncredentials", "outbound", "TLS negotiation failed with error UnknownCredentials"),
            def("tls-failed-nocredentials", "outbound", "TLS negotiation failed with error NoCredentials"));
    /** {@link #SEED} compiled, as a request carries it. */
    public static final SymptomSet SEED_SET = SymptomSet.of(SEED);

    private TestSymptoms() {
    }

    public static SymptomDefinition def(String id, String direction, String... literals) {
        return new SymptomDefinition(id, id, List.of(literals), null, List.of(), direction, List.of(), null);
    }

    public static SymptomDefinition regex(String id, String regex) {
        return new SymptomDefinition(id, id, List.of(), regex, List.of(), "unknown", List.of(), null);
    }

    public static Path corpus(String relative) {
        try {
            return Paths.get(TestSymptoms.class.getResource("/corpus/" + relative).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static CollectingSink run(FactCollector c, InputKind kind, Path path, List<SymptomDefinition> defs)
            throws IOException {
        CollectingSink sink = new CollectingSink(c.id());
        c.collect(new Request(kind, path, null, path.getFileName().toString(), Map.of("progress", "false"),
                SymptomSet.of(defs), null, null), sink);
        return sink;
    }

    public static CollectingSink logs(Path path, Map<String, String> options) throws IOException {
        CollectingSink sink = new CollectingSink("logs");
        new LogCollector().collect(new Request(InputKind.LOGS, path, null, path.getFileName().toString(), options,
                SEED_SET, null, null), sink);
        return sink;
    }

    public static CollectingSink logs(Path path) throws IOException {
        return run(new LogCollector(), InputKind.LOGS, path, SEED);
    }

    public static List<Symptom> symptoms(CollectingSink s) {
        return s.facts().stream().filter(Symptom.class::isInstance).map(Symptom.class::cast).toList();
    }

    public static List<TlsOutcome> outcomes(CollectingSink s) {
        return s.facts().stream().filter(TlsOutcome.class::isInstance).map(TlsOutcome.class::cast).toList();
    }

    public static List<Fact> facts(CollectingSink s) {
        return s.facts();
    }
}
