package io.mailflowkb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The cases of the fuzz campaign, shared by the build's small {@link HostileInputFuzzTest} and bench/fuzz.sh's
 * long {@link FuzzCampaign}: one seed gives one input file (a mutated real sample or a hostile document) and the
 * kb command line that reads it, and {@link #verdict} says whether kb's answer to it is acceptable.
 */
final class FuzzCases {

    static final Path KNOWLEDGE = Path.of(System.getProperty("kb.knowledge.dir", "knowledge"));
    static final Path RAW = KNOWLEDGE.resolve("tls-deprecation/examples/raw");
    static final Pattern JAVA_TALK = Pattern.compile("\tat |Exception|(?:java|javax|com|org|io)\\.[a-z]+\\.|\\.java:\\d");

    /** An input kind: the sample files its mutations start from, and how kb is given one. */
    enum Kind {
        REGISTRY("reg", "--registry", "cat-healthy-2019.reg", "ex01-schannel.reg", "../../findings/tls12-server-disabled/examples/cat-query-tls12-server-off.txt"),
        LOGS("log", "--logs", "logs-socketerror/SEND20240301-1.LOG", "logs-socketerror/get-queue.txt",
                "../../findings/smtp-auth-legacy-tls/examples/app-log/scanner-smtp.log"),
        EVENTS("xml", "--events", "../../findings/legacy-peers-after-disable/examples/events/schannel-events-ex19.xml"),
        BUNDLE("yaml", null, "../../findings/tls12-client-disabled/examples/tls12-client-disabled.yaml",
                "../../findings/starttls-fallback-rejected/examples/starttls-fallback-session.yaml"),
        KNOWLEDGE("yaml", "--knowledge"),
        /** Archive bombs and damaged archives: the walker's caps (inflated bytes, ratio, entries, depth) end them. */
        ARCHIVE("zip", "--logs", "logs-socketerror/SEND20240301-1.LOG");

        final String ext;
        final String option;
        final String[] samples;

        Kind(String ext, String option, String... samples) {
            this.ext = ext;
            this.option = option;
            this.samples = samples;
        }
    }

    /** One case: the name its input carries (an exit-2 message must name it) and the kb arguments. */
    record Case(String name, String[] args) {
    }

    private FuzzCases() {
    }

    static Case build(Kind kind, long seed, Path dir) throws java.io.IOException {
        Random rnd = new Random(seed);
        String name = "case-" + seed;
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", rnd.nextBoolean() ? "json" : "text"));
        if (kind == Kind.KNOWLEDGE) {
            Path k = Files.createDirectories(dir.resolve(name));
            Files.write(k.resolve(name + ".yaml"), HostileDocuments.knowledge(rnd));
            args.addAll(List.of("--knowledge", k.toString(), "--logs", RAW.resolve("logs-socketerror/SEND20240301-1.LOG").toString()));
        } else if (kind == Kind.ARCHIVE) {
            HostileDocuments.Archive a = HostileDocuments.archive(rnd, Files.readAllBytes(RAW.resolve(kind.samples[0])));
            Path f = Files.write(dir.resolve(name + "." + a.ext()), a.bytes());
            args.addAll(List.of(kind.option, f.toString()));
        } else {
            byte[] bytes = kind == Kind.BUNDLE && rnd.nextInt(3) == 0 ? HostileDocuments.bundle(rnd)
                    : Mutations.apply(Files.readAllBytes(RAW.resolve(kind.samples[rnd.nextInt(kind.samples.length)])), rnd);
            Path f = Files.write(dir.resolve(name + "." + kind.ext), bytes);
            if (kind.option != null) {
                args.add(kind.option);
            }
            args.add(f.toString());
        }
        return new Case(name, args.toArray(String[]::new));
    }

    /** Why kb's answer to a case is unacceptable, or {@code null} when it is fine. */
    static String verdict(Case c, Kb kb) {
        if (kb.exit() < 0 || kb.exit() > 2) {
            return "exit " + kb.exit();
        }
        if (JAVA_TALK.matcher(kb.err()).find()) {
            return "stack trace or Java name on stderr";
        }
        if (kb.exit() == ExitCode.BAD_INPUT) {
            List<String> lines = kb.err().strip().lines().toList();
            if (lines.size() != 1) {
                return "exit 2 with " + lines.size() + " lines on stderr";
            }
            if (!lines.get(0).contains(c.name())) {
                return "exit-2 message does not name the file";
            }
        }
        return null;
    }
}
