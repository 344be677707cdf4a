package io.mailflowkb.cli;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Hand-made hostile bundles and knowledge files for the fuzz test: each one a known attack or mistake. */
final class HostileDocuments {

    /** The regexes that killed or hung java.util.regex (issue 12), and constructs RE2 refuses. */
    static final String[] REGEXES = {"(a|aa)+$", "(a|a?)+$", "((a*)*)*b$", "(.*a){25}$", "(a)\\1", "x(?=y)",
            "(a{100}){100}", "(", "[z-a]"};

    private HostileDocuments() {
    }

    static byte[] bundle(Random rnd) {
        String host = "host: {windowsBuild: 9600, source: {source: w.reg, line: 1}}\n";
        String doc = switch (rnd.nextInt(9)) {
            case 0 -> "schemaVersion: 1\nhost:\n  hostName: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n";
            case 1 -> "schemaVersion: 1\n" + host + host;
            case 2 -> "schemaVersion: 1\nhost: {hostName: *undefined}\n";
            case 3 -> aliasBomb();
            case 4 -> "schemaVersion: 1\nhost: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
            case 5 -> "schemaVersion: 1.5\n";
            case 6 -> "schemaVersion: 1\nsymptoms:\n  - {id: s, count: -5, direction: sideways, samples: [{source: q}]}\n";
            case 7 -> "{\"schemaVersion\": 1, \"host\": {\"windowsBuild\": 99999999999999999999999}}";
            default -> "schemaVersion: 1\nhost: !!java.net.URL [\"http://127.0.0.1:1/\"]\n";
        };
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    static String aliasBomb() {
        StringBuilder b = new StringBuilder("schemaVersion: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("x").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

    /** An archive file: its extension and bytes. */
    record Archive(String ext, byte[] bytes) {
    }

    /**
     * Archive bombs kept small on disk (64 MiB of zeros or log text deflates to 64-700 KB), archives nested five
     * deep, 20,000 entries, and a real log zipped and then damaged (bit flips, truncation).
     */
    static Archive archive(Random rnd, byte[] log) throws java.io.IOException {
        byte[] zeros = new byte[1 << 20];
        byte[] text = new String(log, StandardCharsets.ISO_8859_1).repeat((1 << 20) / Math.max(1, log.length) + 1)
                .substring(0, 1 << 20).getBytes(StandardCharsets.ISO_8859_1);
        return switch (rnd.nextInt(6)) {
            case 0 -> new Archive("zip", zip("zeros.log", zeros, 64));
            case 1 -> new Archive("zip", zip("SEND2024.LOG", text, 64));
            case 2 -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (var gz = new java.util.zip.GZIPOutputStream(out)) {
                    for (int i = 0; i < 64; i++) {
                        gz.write(text);
                    }
                }
                yield new Archive("gz", out.toByteArray());
            }
            case 3 -> {
                byte[] inner = zip("zeros.log", zeros, 16);
                for (int depth = 0; depth < 5; depth++) {
                    inner = zip("inner" + depth + ".zip", inner, 1);
                }
                yield new Archive("zip", inner);
            }
            case 4 -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                try (var z = new java.util.zip.ZipOutputStream(out)) {
                    for (int i = 0; i < 20_000; i++) {
                        z.putNextEntry(new java.util.zip.ZipEntry("e" + i + ".log"));
                        z.write('x');
                    }
                }
                yield new Archive("zip", out.toByteArray());
            }
            default -> new Archive("zip", Mutations.apply(zip("SEND20240301-1.LOG", log, 1), rnd));
        };
    }

    private static byte[] zip(String entry, byte[] chunk, int times) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry(entry));
            for (int i = 0; i < times; i++) {
                z.write(chunk);
            }
        }
        return out.toByteArray();
    }

    static byte[] knowledge(Random rnd) {
        String regex = REGEXES[rnd.nextInt(REGEXES.length)];
        String symptom = "symptoms:\n  - id: user-symptom\n    title: user symptom\n    regex: '" + regex + "'\n";
        String finding = "findings:\n  - id: user-finding\n    severity: warning\n    direction: local\n"
                + "    title: hostile\n    when:\n      - fact: Symptom\n        where:\n"
                + "          - {field: text, op: matches, value: '" + regex + "'}\n"
                + "    remediation:\n      - text: do it\n    references:\n      - {title: ref, url: 'https://example.com/x'}\n";
        String doc = "knowledgeVersion: 1\n" + switch (rnd.nextInt(8)) {
            case 0, 1 -> symptom;
            case 2, 3 -> finding;
            case 4 -> symptom + "symptoms: []\n";                         // duplicate key
            case 5 -> "disable: &a [x]\nexamples: *a\n";                  // anchors and aliases
            case 6 -> symptom.replace("user symptom", "t".repeat(2 * 1024 * 1024)); // a 2 MB line
            default -> finding.replace("op: matches", "op: " + "[".repeat(200));  // nesting and junk
        };
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        return rnd.nextInt(4) == 0 ? Mutations.apply(bytes, rnd) : bytes;
    }
}
