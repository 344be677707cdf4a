package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the probe from the test classpath (bench/probe.sh uses it while the {@code kb} CLI is not there):
 * {@code ProbeMain [-v] [name=value ...] host[:port] ...}; prints one line per fact.
 */
public final class ProbeMain {

    private ProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<Request> requests = new ArrayList<>();
        boolean verbose = false;
        for (String a : args) {
            if (a.equals("-v")) {
                verbose = true;
            } else if (a.contains("=")) {
                options.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                requests.add(Request.forTarget(InputKind.PROBE, a, options));
            }
        }
        CollectingSink sink = new CollectingSink(ProbeCollector.ID);
        new ProbeRunner().run(requests, sink);
        for (Fact f : sink.facts()) {
            System.out.println(f.describe());
            if (verbose && f.source().detail() != null) {
                System.out.println("  " + f.source().detail().replace("\n", "\n  "));
            }
        }
        sink.warnings().forEach(w -> System.out.println("warning: " + w));
    }
}
