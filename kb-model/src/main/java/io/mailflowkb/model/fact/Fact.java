package io.mailflowkb.model.fact;

/**
 * Everything a collector can observe. The set is closed on purpose: rules and knowledge files speak this
 * vocabulary, so a new kind of observation is a change to the model, not something a plugin invents.
 */
public sealed interface Fact
        permits RegistryKey, RegistryValue, HostProfile, Symptom, TlsOutcome, EventRecord, ProbeResult,
                ProbeCertificate, SendConnector, ReceiveConnector, ExchangeCertificate, HybridConfiguration,
                ExoInboundConnector, ExoOutboundConnector, ServerName {

    /** Where the fact was seen (the first sample for aggregated facts). */
    Provenance source();

    /** One line a person can read as evidence, e.g. {@code SCHANNEL TLS 1.2\Client Enabled = 0}. */
    String describe();
}
