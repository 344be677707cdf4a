package io.mailflowkb.cli;

import io.mailflowkb.cli.render.JsonRenderer;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.StartupMarks;
import java.util.EnumSet;
import java.util.Set;

/**
 * Start-up work a {@code kb diagnose} process will certainly need, begun before picocli has even parsed the command
 * line, so that on two cores it overlaps picocli's model building and the knowledge load (docs/perf.md, start-up):
 * the shipped rule engine ({@link Diagnostician#preload}, which kb-rules owns, and which a later load with folders
 * ignores), and for {@code --format json} Jackson's serializers for a diagnosis. Only {@link Main#main} begins it,
 * so tests that run {@link Main#run} in-process run as before; neither piece can change what is printed, only when
 * it is ready (HeadStartIT compares the jar's bytes with the in-process run's).
 */
final class HeadStart {

    /** What can be begun early. */
    enum Work { RULE_ENGINE, JSON_SERIALIZERS }

    private HeadStart() {
    }

    /** Begins what {@code args} will need; does nothing for any other command. */
    static void begin(String[] args) {
        Set<Work> plan = plan(args);
        if (plan.contains(Work.RULE_ENGINE)) {
            Diagnostician.preload();
        }
        if (plan.contains(Work.JSON_SERIALIZERS)) {
            Thread t = new Thread(() -> {
                JsonRenderer.prepare();
                StartupMarks.mark("json: serializers ready");
            }, "kb-json-serializers");
            t.setDaemon(true); // a run that ends early (a usage error) must not wait for it
            t.start();
        }
    }

    /**
     * What a command line will need, read without parsing it: nothing unless it is a diagnosis; the shipped rule
     * engine unless other knowledge may come ({@code --knowledge}, or an {@code @file} of arguments that may name
     * some); the JSON serializers for {@code --format json}.
     */
    static Set<Work> plan(String[] args) {
        Set<Work> plan = EnumSet.noneOf(Work.class);
        if (args.length == 0 || !args[0].equals("diagnose")) {
            return plan;
        }
        boolean shippedOnly = true;
        for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return EnumSet.noneOf(Work.class); // no diagnosis at all
            }
            shippedOnly &= !(a.equals("--knowledge") || a.startsWith("--knowledge=") || a.startsWith("@"));
            if (a.equals("--format=json") || a.equals("json") && args[i - 1].equals("--format")) {
                plan.add(Work.JSON_SERIALIZERS);
            }
        }
        if (shippedOnly) {
            plan.add(Work.RULE_ENGINE);
        }
        return plan;
    }
}
