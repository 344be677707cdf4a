package io.mailflowkb.cli;

import io.mailflowkb.cli.render.JsonRenderer;
import io.mailflowkb.rules.Diagnostician;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Start-up work a {@code kb diagnose} process will certainly need, begun on daemon threads before picocli has even
 * parsed the command line: loading the shipped knowledge and building the rule engine (the largest part of a one-shot
 * run), and for {@code --format json} Jackson's serializers for a diagnosis. On two cores they overlap with picocli's
 * model building and with each other (docs/perf.md, start-up). Only {@link Main#main} starts it, so tests that run
 * {@link Main#run} in-process load exactly as before.
 *
 * <p>What was started is used only when the parsed command asks for exactly that (the shipped knowledge alone, no
 * {@code --knowledge}); anything else loads as if nothing had been started, so the head start can never change a
 * result, only when it is ready. A failure on the head-start thread reaches the caller as the same exception.
 */
final class HeadStart {

    private static volatile FutureTask<Diagnostician> shipped;

    private HeadStart() {
    }

    /** Begins what {@code args} will need; cheap and does nothing for any other command. */
    static void begin(String[] args) {
        if (args.length == 0 || !args[0].equals("diagnose")) {
            return;
        }
        boolean json = false;
        for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
            String a = args[i];
            if (a.equals("--knowledge") || a.startsWith("--knowledge=") || a.startsWith("@")
                    || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return; // another knowledge, an argument file that may name one, or no diagnosis at all
            }
            json |= a.equals("--format=json") || a.equals("json") && args[i - 1].equals("--format");
        }
        FutureTask<Diagnostician> load = new FutureTask<>(() -> {
            Diagnostician kb = Diagnostician.load(List.of());
            kb.compiledSymptoms();
            return kb;
        });
        shipped = load;
        start(load, "kb-knowledge");
        if (json) {
            start(new FutureTask<>(JsonRenderer::prepare, null), "kb-json");
        }
    }

    /** The diagnostician for {@code knowledge}: the one begun early when it is the shipped knowledge alone. */
    static Diagnostician diagnostician(List<Path> knowledge) {
        FutureTask<Diagnostician> early = shipped;
        shipped = null;
        if (early == null || !knowledge.isEmpty()) {
            return Diagnostician.load(knowledge);
        }
        return await(early);
    }

    /** Whether a load begun early is waiting to be used (for tests). */
    static boolean pending() {
        return shipped != null;
    }

    /** The task's result, or its failure as thrown on its own thread. */
    static <T> T await(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the knowledge", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void start(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true); // a run that ends early (a usage error) must not wait for it
        t.start();
    }
}
