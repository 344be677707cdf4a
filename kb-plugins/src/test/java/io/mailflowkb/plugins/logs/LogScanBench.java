package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark helper for bench/logscan.sh (not a test): {@code generate DIR MB} writes a realistic send-log corpus
 * (128 MB files, a few sessions interleaved); {@code scan DIR} runs the log collector on it the way {@code kb
 * collect --logs} will, with the seed symptoms, and prints the fact count.
 */
public final class LogScanBench {

    /** Total size of the files under a folder. */
    static final class LogCollectorSize {
        static long of(Path dir) throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
        }
    }

    private LogScanBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("generate")) {
            generate(Paths.get(args[1]), Long.parseLong(args[2]));
        } else if (args.length >= 2 && args[0].equals("scan")) {
            scan(Paths.get(args[1]));
        } else {
            throw new IllegalArgumentException("usage: LogScanBench generate DIR MB | scan DIR");
        }
    }

    static void generate(Path dir, long mb) throws IOException {
        Files.createDirectories(dir);
        long target = mb * 1024 * 1024;
        long fileLimit = 128L * 1024 * 1024;
        long written = 0;
        int fileNo = 1;
        Random rnd = new Random(42);
        ProtocolLogGenerator gen = new ProtocolLogGenerator(42).failurePercent(10);
        while (written < target) {
            Path f = dir.resolve(String.format(Locale.ROOT, "SEND20240301-%d.LOG", fileNo++));
            long inFile = 0;
            try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                w.write(ProtocolLogGenerator.HEADER);
                while (inFile < fileLimit && written + inFile < target) {
                    for (String line : ProtocolLogGenerator.interleaved(gen.sessions(6), rnd)) {
                        w.write(line);
                        inFile += line.length();
                    }
                }
            }
            written += inFile;
        }
        System.out.printf(Locale.ROOT, "generated %d MB in %d files under %s%n", written >> 20, fileNo - 1, dir);
    }

    static void scan(Path dir) throws IOException {
        int repeat = Integer.parseInt(System.getenv().getOrDefault("LOGSCAN_REPEAT", "1"));
        CollectingSink sink = null;
        for (int r = 0; r < repeat; r++) {
            sink = new CollectingSink("logs");
            long t0 = System.nanoTime();
            long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            Map<String, String> options = System.getenv("LOGSCAN_THREADS") == null ? Map.of()
                    : Map.of("threads", System.getenv("LOGSCAN_THREADS"));
            new LogCollector().collect(new Request(InputKind.LOGS, dir, null, dir.toString(), options,
                    TestSymptoms.SEED_SET, null, null), sink);
            if (repeat > 1) {
                long bytes = LogCollectorSize.of(dir);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                        - c0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.2f s wall (%.0f MB/s), %.2f s cpu (%.0f MB/s per cpu s)%n",
                        r + 1, s, bytes / 1048576.0 / s, cpu, bytes / 1048576.0 / cpu);
            }
        }
        List<Fact> facts = sink.facts();
        System.out.println(facts.size() + " facts from " + sink.inputs().size() + " inputs");
        if (System.getenv("LOGSCAN_VERBOSE") != null) {
            facts.forEach(f -> System.out.println("  " + f.describe()));
        }
    }
}
