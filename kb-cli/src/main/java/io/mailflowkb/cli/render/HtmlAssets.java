package io.mailflowkb.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The inline style sheet and script of the HTML report, and the Content-Security-Policy that allows exactly
 * that script: its SHA-256 is computed from the text that is embedded, so editing report.js can never leave a
 * stale hash behind (a stale hash would silently disable the copy buttons).
 */
record HtmlAssets(String css, String script, String contentSecurityPolicy) {

    static final HtmlAssets SHIPPED = load();

    private static HtmlAssets load() {
        String css = resource("report.css");
        String js = resource("report.js");
        if (js.contains("</script") || css.contains("</style")) {
            throw new IllegalStateException("report assets must not close their own element");
        }
        // a constant of ours, written into a double-quoted attribute as is: it holds no '"', '<' or '&'
        String csp = "default-src 'none'; style-src 'unsafe-inline'; script-src '" + sha256(js) + "'; "
                + "base-uri 'none'; form-action 'none'";
        return new HtmlAssets(css, js, csp);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report asset " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
