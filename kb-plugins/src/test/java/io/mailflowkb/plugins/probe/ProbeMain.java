package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the probe from the test classpath (bench/probe.sh uses it while the {@code kb} CLI is not there):
 * {@code ProbeMain [-v] [-n N] [name=value ...] host[:port] ...}; prints one line per fact. With {@code -n N} the
 * whole run is repeated N times in this JVM and the median wall time of one run is printed (steady state,
 * without JVM start-up).
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<Request> requests = new ArrayList<>();
        boolean verbose = false;
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-n")) {
                repeat = Integer.parseInt(args[++i]);
            } else if (a.equals("-v")) {
                verbose = true;
            } else if (a.contains("=")) {
                options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                requests.add(Request.forTarget(InputKind.PROBE, a, options));
            }
        }
        CollectingSink sink = null;
        long[] ms = new long[repeat];
        for (int r = 0; r < repeat; r++) {
            sink = new CollectingSink(ProbeCollector.ID);
            long start = System.nanoTime();
            new ProbeRunner().run(requests, sink);
            ms[r] = (System.nanoTime() - start) / 1_000_000;
        }
        if (repeat > 1) {
            Arrays.sort(ms);
            System.out.println("median of " + repeat + " in-JVM runs: " + ms[repeat / 2] + " ms (min " + ms[0]
                    + ", max " + ms[repeat - 1] + ")");
        }
        for (Fact f : sink.facts()) {
            System.out.println(f.describe());
            if (verbose && f.source().detail() != null) {
                System.out.println("  " + f.source().detail().replace("\n", "\n  "));
            }
        }
        sink.warnings().forEach(w -> System.out.println("warning: " + w));
    }
}
