package io.mailflowkb.model.finding;

/**
 * One fact that proved a finding.
 *
 * @param source where it was seen: {@code file:line}, a registry export, {@code probe:host:port}
 * @param fact   the fact in words, e.g. {@code SCHANNEL TLS 1.2\Client Enabled = 0}
 */
public record Evidence(String source, String fact) {
}
