package io.mailflowkb.model.finding;

/**
 * Something the inputs show to be right, e.g. {@code TLS 1.2 Client and Server enabled} from
 * {@code schannel.reg:12-20}: what a healthy report can say beyond "no problem found".
 *
 * @param what   the confirmed state in words
 * @param source where it was seen: {@code file:line}, {@code file:first-last}, a file, {@code probe:host:port}
 */
public record Confirmation(String what, String source) {
}
