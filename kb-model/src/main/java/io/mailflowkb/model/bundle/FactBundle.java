package io.mailflowkb.model.bundle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.ExchangeCertificate;
import io.mailflowkb.model.fact.ExoInboundConnector;
import io.mailflowkb.model.fact.ExoOutboundConnector;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.HybridConfiguration;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.ReceiveConnector;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.SendConnector;
import io.mailflowkb.model.fact.ServerName;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.InputSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Everything collected about one server, as the rules see it. Written and read as YAML or JSON by
 * {@link BundleCodec}; {@link #SCHEMA_VERSION} is checked on read so an old tool never misreads a new bundle.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaVersion", "host", "registryKeys", "registry", "symptoms", "tls", "events", "probes",
        "certificates", "sendConnectors", "receiveConnectors", "exchangeCertificates", "hybridConfigurations",
        "exoInboundConnectors", "exoOutboundConnectors", "serverNames", "inputs"})
public record FactBundle(
        int schemaVersion,
        HostProfile host,
        List<RegistryKey> registryKeys,
        @JsonProperty("registry") List<RegistryValue> registryValues,
        List<Symptom> symptoms,
        @JsonProperty("tls") List<TlsOutcome> tlsOutcomes,
        List<EventRecord> events,
        List<ProbeResult> probes,
        List<ProbeCertificate> certificates,
        List<SendConnector> sendConnectors,
        List<ReceiveConnector> receiveConnectors,
        List<ExchangeCertificate> exchangeCertificates,
        List<HybridConfiguration> hybridConfigurations,
        List<ExoInboundConnector> exoInboundConnectors,
        List<ExoOutboundConnector> exoOutboundConnectors,
        List<ServerName> serverNames,
        List<InputSummary> inputs) {

    public static final int SCHEMA_VERSION = 1;

    public FactBundle {
        registryKeys = copy(registryKeys);
        registryValues = copy(registryValues);
        symptoms = copy(symptoms);
        tlsOutcomes = copy(tlsOutcomes);
        events = copy(events);
        probes = copy(probes);
        certificates = copy(certificates);
        sendConnectors = copy(sendConnectors);
        receiveConnectors = copy(receiveConnectors);
        exchangeCertificates = copy(exchangeCertificates);
        hybridConfigurations = copy(hybridConfigurations);
        exoInboundConnectors = copy(exoInboundConnectors);
        exoOutboundConnectors = copy(exoOutboundConnectors);
        serverNames = copy(serverNames);
        inputs = copy(inputs);
    }

    /** A bundle without connector or Exchange certificate facts (the shape before those were added). */
    public FactBundle(int schemaVersion, HostProfile host, List<RegistryKey> registryKeys,
                      List<RegistryValue> registryValues, List<Symptom> symptoms, List<TlsOutcome> tlsOutcomes,
                      List<EventRecord> events, List<ProbeResult> probes, List<ProbeCertificate> certificates,
                      List<InputSummary> inputs) {
        this(schemaVersion, host, registryKeys, registryValues, symptoms, tlsOutcomes, events, probes, certificates,
                null, null, null, null, null, null, null, inputs);
    }

    /** This bundle with other input summaries (the facts unchanged). */
    public FactBundle withInputs(List<InputSummary> newInputs) {
        return new FactBundle(schemaVersion, host, registryKeys, registryValues, symptoms, tlsOutcomes, events, probes,
                certificates, sendConnectors, receiveConnectors, exchangeCertificates, hybridConfigurations,
                exoInboundConnectors, exoOutboundConnectors, serverNames, newInputs);
    }

    /** A bundle of the current schema holding these facts (host profiles are merged into one). */
    public static FactBundle of(Collection<? extends Fact> facts, List<InputSummary> inputs) {
        Builder b = new Builder();
        facts.forEach(b::add);
        inputs.forEach(b::input);
        return b.build();
    }

    /** Starts an empty bundle of the current schema; add facts of any type and input summaries. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every fact in a fixed order: host, registry keys, values, symptoms, TLS outcomes, events, probes, connectors. */
    @JsonIgnore
    public Stream<Fact> facts() {
        return Stream.of(host == null ? Stream.<Fact>empty() : Stream.<Fact>of(host),
                        registryKeys.stream(), registryValues.stream(), symptoms.stream(), tlsOutcomes.stream(),
                        events.stream(), probes.stream(), certificates.stream(), sendConnectors.stream(),
                        receiveConnectors.stream(), exchangeCertificates.stream(), hybridConfigurations.stream(),
                        exoInboundConnectors.stream(), exoOutboundConnectors.stream(), serverNames.stream())
                .flatMap(s -> s.map(Fact.class::cast));
    }

    /**
     * Gives every fact to {@code action} in the order of {@link #facts()}, by plain loops: the rule engine inserts
     * each bundle this way per diagnosis, where the fifteen streams and their flat map were a measurable cost.
     */
    public void forEachFact(Consumer<? super Fact> action) {
        if (host != null) {
            action.accept(host);
        }
        for (List<? extends Fact> list : List.of(registryKeys, registryValues, symptoms, tlsOutcomes, events, probes,
                certificates, sendConnectors, receiveConnectors, exchangeCertificates, hybridConfigurations,
                exoInboundConnectors, exoOutboundConnectors, serverNames)) {
            for (Fact f : list) {
                action.accept(f);
            }
        }
    }

    /** This bundle plus another's facts and inputs (used when several bundles describe one server). */
    public FactBundle plus(FactBundle other) {
        Builder b = new Builder();
        facts().forEach(b::add);
        other.facts().forEach(b::add);
        inputs.forEach(b::input);
        other.inputs.forEach(b::input);
        return b.build();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Collects facts in arrival order. Not thread-safe. */
    public static final class Builder {
        private HostProfile host;
        private final List<RegistryKey> keys = new ArrayList<>();
        private final List<RegistryValue> values = new ArrayList<>();
        private final List<Symptom> symptoms = new ArrayList<>();
        private final List<TlsOutcome> tls = new ArrayList<>();
        private final List<EventRecord> events = new ArrayList<>();
        private final List<ProbeResult> probes = new ArrayList<>();
        private final List<ProbeCertificate> certificates = new ArrayList<>();
        private final List<SendConnector> sendConnectors = new ArrayList<>();
        private final List<ReceiveConnector> receiveConnectors = new ArrayList<>();
        private final List<ExchangeCertificate> exchangeCertificates = new ArrayList<>();
        private final List<HybridConfiguration> hybrid = new ArrayList<>();
        private final List<ExoInboundConnector> inbound = new ArrayList<>();
        private final List<ExoOutboundConnector> outbound = new ArrayList<>();
        private final List<ServerName> serverNames = new ArrayList<>();
        private final List<InputSummary> inputs = new ArrayList<>();

        public Builder add(Fact fact) {
            if (fact instanceof HostProfile h) {
                host = host == null ? h : host.merge(h);
            } else if (fact instanceof RegistryKey k) {
                keys.add(k);
            } else if (fact instanceof RegistryValue v) {
                values.add(v);
            } else if (fact instanceof Symptom s) {
                symptoms.add(s);
            } else if (fact instanceof TlsOutcome t) {
                tls.add(t);
            } else if (fact instanceof EventRecord e) {
                events.add(e);
            } else if (fact instanceof ProbeResult p) {
                probes.add(p);
            } else if (fact instanceof ProbeCertificate c) {
                certificates.add(c);
            } else if (fact instanceof SendConnector c) {
                sendConnectors.add(c);
            } else if (fact instanceof ReceiveConnector c) {
                receiveConnectors.add(c);
            } else if (fact instanceof ExchangeCertificate c) {
                exchangeCertificates.add(c);
            } else if (fact instanceof HybridConfiguration c) {
                hybrid.add(c);
            } else if (fact instanceof ExoInboundConnector c) {
                inbound.add(c);
            } else if (fact instanceof ExoOutboundConnector c) {
                outbound.add(c);
            } else if (fact instanceof ServerName n) {
                serverNames.add(n);
            }
            return this;
        }

        public Builder input(InputSummary input) {
            inputs.add(input);
            return this;
        }

        public FactBundle build() {
            return new FactBundle(SCHEMA_VERSION, host, keys, values, symptoms, tls, events, probes, certificates,
                    sendConnectors, receiveConnectors, exchangeCertificates, hybrid, inbound, outbound, serverNames,
                    inputs);
        }
    }
}
