package io.mailflowkb.example;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.rules.Diagnostician;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * Plain throughput harness for bench/throughput.sh: bundles diagnosed per second through the public API, warm
 * (a warm-up phase, then timed rounds; the median round is reported), with 1 thread and with N threads.
 * Not JMH: the unit of work is about 50 µs, far above timer resolution, and each round runs for seconds, so
 * a wall-clock count over a fixed time is accurate enough; the medians hide GC and JIT outliers.
 *
 * <p>usage: {@code ThroughputMain [warmupSeconds] [roundSeconds] [rounds] [threads...]}
 *
 * <p>The warm-up lasts until each worker thread has had {@code warmupSeconds} of CPU time (at most six times that
 * in wall time): on a quiet machine that is the same as wall time, on a shared one the JIT has then compiled the
 * hot path before the timed rounds begin, so rounds of two checkouts compare like with like.
 */
public final class ThroughputMain {

    private ThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        double warmup = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        double round = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int[] threads = args.length > 3 ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, Runtime.getRuntime().availableProcessors()};

        long t0 = System.nanoTime();
        Diagnostician kb = Diagnostician.load();
        System.out.printf("load: %.0f ms; catalog: %d findings, %d symptoms%n", (System.nanoTime() - t0) / 1e6,
                kb.knowledge().findings().size(), kb.knowledge().symptoms().size());
        List<FactBundle> bundles = smallBundles(2_000);
        double facts = bundles.stream().mapToLong(b -> b.facts().count()).average().orElse(0);
        long findings = bundles.stream().mapToLong(b -> kb.diagnose(b).findings().size()).sum();
        double perBundle = findings / (double) bundles.size();
        System.out.printf("bundles: %d distinct, %.1f facts each on average, %.2f findings each%n", bundles.size(),
                facts, perBundle);
        System.out.printf("cores: %d, java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());

        for (int n : threads) {
            warmUp(kb, bundles, n, warmup); // JIT and caches; its numbers are not kept
            double[] perSecond = new double[rounds];
            double[] perCpuSecond = new double[rounds];
            double[] allocated = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Round result = measure(kb, bundles, n, round);
                perSecond[r] = result.perSecond();
                perCpuSecond[r] = result.perCpuSecond();
                allocated[r] = result.bytesPerBundle();
            }
            System.out.printf("threads=%d  median %.0f bundles/s wall (%.0f per thread); %.0f bundles per CPU-second "
                            + "of a worker thread; wall rounds: %s%n", n, median(perSecond), median(perSecond) / n,
                    median(perCpuSecond), Arrays.toString(Arrays.stream(perSecond).mapToLong(Math::round).toArray()));
            System.out.printf("threads=%d  findings: %.0f per second wall, %.0f per CPU-second of a worker thread%n", n,
                    median(perSecond) * perBundle, median(perCpuSecond) * perBundle);
            System.out.printf("threads=%d  allocated: %.1f KB per bundle (the worker threads' own allocation)%n", n,
                    median(allocated) / 1024);
        }
        // other processes on the machine take cores from the threads: print the load so a reader can judge
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * One timed round: bundles per wall-clock second (all threads together), and bundles per CPU-second the
     * worker threads actually got. The second figure is what one core does, even when other processes on the
     * machine take turns on the cores (a shared build machine); the first is what this machine delivered.
     */
    record Round(double perSecond, double perCpuSecond, double cpuSeconds, double bytesPerBundle) {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Rounds of one second until each of the threads has had {@code cpuSeconds} of CPU, or six times that passed. */
    static void warmUp(Diagnostician kb, List<FactBundle> bundles, int threads, double cpuSeconds) throws Exception {
        double cpu = 0;
        long giveUpAt = System.nanoTime() + (long) (6 * cpuSeconds * 1e9);
        while (cpu < cpuSeconds * threads && System.nanoTime() < giveUpAt) {
            Round r = measure(kb, bundles, threads, Math.min(1, cpuSeconds));
            cpu += r.cpuSeconds();
        }
    }

    /** Bundles per second over {@code seconds}, each thread walking the bundle list from its own offset. */
    static Round measure(Diagnostician kb, List<FactBundle> bundles, int threads, double seconds) throws Exception {
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        LongAdder allocatedBytes = new LongAdder();
        // what the threads allocate per bundle drives the young collections, which stop every thread at once
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        CountDownLatch start = new CountDownLatch(1);
        long[] endAt = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * bundles.size() / threads;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                int i = offset;
                long local = 0;
                long cpu0 = mx.getCurrentThreadCpuTime();
                long bytes0 = mx.getCurrentThreadAllocatedBytes();
                while (System.nanoTime() < endAt[0]) {
                    kb.diagnose(bundles.get(i));
                    i = (i + 1) % bundles.size();
                    local++;
                }
                done.add(local);
                cpuNanos.add(mx.getCurrentThreadCpuTime() - cpu0);
                allocatedBytes.add(mx.getCurrentThreadAllocatedBytes() - bytes0);
            });
            w.start();
            workers.add(w);
        }
        long begin = System.nanoTime();
        endAt[0] = begin + (long) (seconds * 1e9);
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        return new Round(done.sum() / wall, done.sum() / (cpuNanos.sum() / 1e9), cpuNanos.sum() / 1e9,
                allocatedBytes.sum() / (double) Math.max(1, done.sum()));
    }

    /**
     * Small bundles as a server export gives them (about 20-50 facts): a random variation of a shipped example,
     * plus SChannel noise a real export carries (other protocol versions, cipher and hash keys).
     */
    static List<FactBundle> smallBundles(int count) {
        List<FactBundle> out = new ArrayList<>();
        String protocols = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";
        String ciphers = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\";
        List<FactBundle> variations = ExampleBundles.variations(7, count);
        for (int i = 0; i < variations.size(); i++) {
            FactBundle b = variations.get(i);
            List<RegistryValue> registry = new ArrayList<>(b.registryValues());
            Provenance src = Provenance.of("bench-" + i + ".reg", 1);
            for (String v : List.of("SSL 2.0", "SSL 3.0", "TLS 1.0", "TLS 1.1")) {
                for (String role : List.of("Client", "Server")) {
                    registry.add(RegistryValue.dword(protocols + v + "\\" + role, "Enabled", (i + v.length()) % 2, src));
                    registry.add(RegistryValue.dword(protocols + v + "\\" + role, "DisabledByDefault", 1, src));
                }
            }
            for (String c : List.of("RC4 128/128", "RC4 56/128", "Triple DES 168", "NULL", "DES 56/56")) {
                registry.add(RegistryValue.dword(ciphers + c, "Enabled", 0, src));
            }
            out.add(new FactBundle(b.schemaVersion(), b.host(), b.registryKeys(), registry, b.symptoms(),
                    b.tlsOutcomes(), b.events(), b.probes(), b.certificates(), b.inputs()));
        }
        return out;
    }
}
