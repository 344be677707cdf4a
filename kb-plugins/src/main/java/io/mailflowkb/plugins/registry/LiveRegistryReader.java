package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.plugins.input.TextDecoding;
import io.mailflowkb.plugins.input.TextEncoding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Reads this machine's registry through {@code reg.exe query}, the same text a user would paste, so live and
 * file input go through one parser. Windows only.
 */
final class LiveRegistryReader {

    /** A key to query and whether the whole subtree is wanted ({@code /s}). */
    record Query(String key, boolean subtree) {
    }

    /** With /s except where the subtree is large and only the key's own values matter (CurrentVersion). */
    static final List<Query> QUERIES = List.of(
            new Query("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL", true),
            new Query("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319", true),
            new Query("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319", true),
            new Query("HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727", true),
            new Query("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727", true),
            new Query("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp", true),
            new Query("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp", true),
            new Query("HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002", true),
            new Query("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002", true),
            new Query("HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot", true),
            new Query(HostProfileBuilder.CURRENT_VERSION, false),
            new Query(HostProfileBuilder.COMPUTER_NAME, true),
            new Query(HostProfileBuilder.EXCHANGE_V15, true),
            new Query(HostProfileBuilder.EXCHANGE_V14, true),
            new Query(HostProfileBuilder.NDP_V4_FULL, true));

    /** reg query output of these keys is kilobytes; anything near this is not what was asked for. */
    static final int MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

    private LiveRegistryReader() {
    }

    /** reg.exe's output bytes as text, in the encoding the shared detection finds (windows-1252 when unsure). */
    static String decode(byte[] output) throws IOException {
        TextEncoding encoding = TextEncoding.detect(output, Math.min(output.length, 4096));
        try (Reader r = TextDecoding.reader(new ByteArrayInputStream(output),
                encoding == null ? TextEncoding.ANSI : encoding)) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
    }

    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static List<Fact> read(String source, Duration limit, FactSink warnings) throws IOException {
        Instant deadline = Instant.now().plus(limit);
        List<Fact> facts = new ArrayList<>();
        for (Query q : QUERIES) {
            String output = run(q, source, deadline);
            if (output.isBlank()) {
                warnings.warning(source, null, "key not present: " + q.key());
                continue;
            }
            RegQueryParser parser = new RegQueryParser(source, false, warnings);
            facts.addAll(parser.parse(new LineReader(new StringReader(output))));
        }
        return facts;
    }

    private static String run(Query q, String source, Instant deadline) throws IOException {
        // /reg:64 (README.md, --live-registry): a 32-bit JVM would otherwise be shown the WOW64 view of SOFTWARE
        List<String> cmd = new ArrayList<>(List.of("reg.exe", "query", q.key(), "/reg:64"));
        if (q.subtree()) {
            cmd.add("/s");
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // reg.exe writes in the console's code page when redirected (and UTF-16 under some hosts): the bytes go
        // through the shared decoding that reads exported files, so both are read alike.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes.write(buf, 0, n);
                if (Instant.now().isAfter(deadline) || bytes.size() > MAX_OUTPUT_BYTES) {
                    p.destroyForcibly();
                    throw new InvalidInputException(source, null, (bytes.size() > MAX_OUTPUT_BYTES
                            ? "more than " + MAX_OUTPUT_BYTES + " bytes" : "time limit reached")
                            + " while running reg query " + q.key());
                }
            }
        }
        String out = decode(bytes.toByteArray());
        try {
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            if (!p.waitFor(left, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new InvalidInputException(source, null, "time limit reached while running reg query " + q.key());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running reg query " + q.key(), e);
        }
        return p.exitValue() == 0 ? out : "";
    }
}
