package io.mailflowkb.rules;

import java.lang.management.ManagementFactory;

/**
 * Where a cold run's time goes, printed to stderr when the JVM runs with {@code -Dkb.startup.marks=true} (e.g.
 * {@code KB_JAVA_OPTS=-Dkb.startup.marks=true ./kb diagnose ...}; docs/perf.md, Start-up): one line per phase mark
 * with the JVM's uptime, the milliseconds since the previous mark, the process CPU time and the marking thread's own CPU
 * time (what a phase costs on a core, whatever else runs beside it). Off (the default) a mark
 * costs one static boolean test; the management classes load only when it is on, so they cost the measured run
 * about 20 ms before its first mark, never between two marks.
 */
public final class StartupMarks {

    private static final boolean ON = Boolean.getBoolean("kb.startup.marks");
    private static long last;

    private StartupMarks() {
    }

    /** Prints the mark {@code phase} when marks are on; cheap and silent otherwise. */
    public static void mark(String phase) {
        if (ON) {
            print(phase);
        }
    }

    private static synchronized void print(String phase) {
        long now = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime() / 1_000_000;
        long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        System.err.printf("kb-startup: %-28s uptime %4d ms  +%4d ms  cpu %4d ms  thread cpu %4d ms  [%s]%n", phase,
                uptime, last == 0 ? 0 : (now - last) / 1_000_000, cpu, threadCpu, Thread.currentThread().getName());
        last = System.nanoTime();
    }
}
