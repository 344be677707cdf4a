package io.mailflowkb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long fuzz campaign of bench/fuzz.sh, in one JVM (kb's real entry point, in-process): {@code CASES} cases
 * per input kind from {@link FuzzCases}, seeds starting at {@code FIRST_SEED}. Prints every unacceptable answer
 * and a summary: cases, exit codes, failures, hangs (cases past the watchdog), the slowest case and the JVM's
 * peak resident memory. Exits 1 when any case failed.
 *
 * <p>usage: FuzzCampaign CASES_PER_KIND FIRST_SEED WORK_DIR [WATCHDOG_SECONDS]
 */
public final class FuzzCampaign {

    private FuzzCampaign() {
    }

    public static void main(String[] args) throws Exception {
        int perKind = Integer.parseInt(args[0]);
        long first = Long.parseLong(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        long watchdog = args.length > 3 ? Long.parseLong(args[3]) : 60;
        ExecutorService runner = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        Map<Integer, Integer> exits = new TreeMap<>();
        int cases = 0;
        int failures = 0;
        int hangs = 0;
        long worstMillis = 0;
        String worstCase = "";
        long maxHeapUsed = 0;
        for (FuzzCases.Kind kind : FuzzCases.Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                long seed = first + (long) kind.ordinal() * 1_000_000 + i;
                Path dir = Files.createDirectories(work.resolve(kind + "-" + seed));
                FuzzCases.Case c = FuzzCases.build(kind, seed, dir);
                long start = System.nanoTime();
                Future<Kb> run = runner.submit(() -> Kb.run(c.args()));
                String problem;
                Kb kb = null;
                try {
                    kb = run.get(watchdog, TimeUnit.SECONDS);
                    problem = FuzzCases.verdict(c, kb);
                } catch (TimeoutException e) {
                    run.cancel(true);
                    hangs++;
                    problem = "did not end within " + watchdog + " s";
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                cases++;
                if (kb != null) {
                    exits.merge(kb.exit(), 1, Integer::sum);
                }
                if (millis > worstMillis) {
                    worstMillis = millis;
                    worstCase = kind + " seed " + seed;
                }
                Runtime rt = Runtime.getRuntime();
                maxHeapUsed = Math.max(maxHeapUsed, rt.totalMemory() - rt.freeMemory());
                if (problem != null) {
                    failures++;
                    System.out.println("FAIL " + kind + " seed " + seed + ": " + problem
                            + (kb == null ? "" : " | " + kb.err().strip().lines().findFirst().orElse("")));
                } else {
                    deleteTree(dir); // keep the failing cases' inputs for a reproducer, drop the rest
                }
            }
        }
        System.out.printf("cases: %d (%d per kind, %d kinds, first seed %d)%n", cases, perKind,
                FuzzCases.Kind.values().length, first);
        System.out.println("exit codes: " + exits);
        System.out.println("failures: " + failures + " (of which past the " + watchdog + " s watchdog: " + hangs + ")");
        System.out.println("slowest case: " + worstMillis + " ms (" + worstCase + ")");
        System.out.println("peak resident memory of the campaign JVM: " + peakRssMb() + " MB; largest heap in use"
                + " after a case: " + maxHeapUsed / (1024 * 1024) + " MB of " + Runtime.getRuntime().maxMemory()
                / (1024 * 1024) + " MB");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static long peakRssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux: unknown
        }
        return -1;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
