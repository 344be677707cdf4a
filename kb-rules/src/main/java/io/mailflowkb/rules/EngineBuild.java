package io.mailflowkb.rules;

import io.mailflowkb.rules.engine.Engine;
import io.mailflowkb.rules.knowledge.Knowledge;
import io.mailflowkb.rules.knowledge.PrebuiltKnowledge;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one {@link Diagnostician}'s knowledge and rule engine come to be: both on the caller's thread
 * ({@link Diagnostician#load}), the rule engine on a background thread ({@link Diagnostician#start}), or both in the
 * background before the caller even knows it needs them ({@link Diagnostician#preload}). On a cold JVM the two cost
 * about as much as the whole CLI around them (docs/perf.md, Start-up), and machines have two cores or more, so the
 * CLI's own start, argument parsing and input reading run alongside.
 *
 * <p>Whatever a background build throws is kept, never dropped: the call that needs the part that failed throws the
 * same exception ({@link io.mailflowkb.rules.knowledge.KnowledgeException} with the same problems, so the CLI prints the same one line).
 */
final class EngineBuild {

    /** The shipped-only build {@link #preload} started, until a {@link #now} or {@link #started} takes it. */
    private static final AtomicReference<EngineBuild> PRELOADED = new AtomicReference<>();
    private static final AtomicBoolean PRELOAD_STARTED = new AtomicBoolean();

    private final CompletableFuture<Knowledge> knowledge = new CompletableFuture<>();
    private final CompletableFuture<Engine> engine = new CompletableFuture<>();
    /** Set when a load with folders came instead: a preload then stops before its (unwanted) rule engine. */
    private volatile boolean abandoned;

    private EngineBuild() {
    }

    /** Everything on this thread; throws what loading or building throws. */
    static EngineBuild now(List<Path> dirs) {
        EngineBuild b = taken(dirs);
        if (b != null) {
            b.engine(); // load's contract: every problem is thrown here
            return b;
        }
        b = new EngineBuild();
        Knowledge k = loadKnowledge(dirs);
        b.knowledge.complete(k);
        b.engine.complete(buildEngine(k));
        return b;
    }

    /** The knowledge on this thread (its problems are thrown here), the rule engine on a background thread. */
    static EngineBuild started(List<Path> dirs) {
        EngineBuild b = taken(dirs);
        if (b != null) {
            StartupMarks.mark("knowledge: asked");
            b.knowledge();
            StartupMarks.mark("knowledge: taken");
            return b;
        }
        return engineInBackground(loadKnowledge(dirs), EngineBuild::buildEngineAhead);
    }

    /** Starts the shipped-only build once per JVM, on a daemon thread; see {@link Diagnostician#preload}. */
    static void preload() {
        if (PRELOAD_STARTED.compareAndSet(false, true)) {
            // the build-time form decodes while the other thread opens and lists the packaged folder (each about a
            // third of loading the knowledge); the load then waits for the form where it first needs it
            background(() -> {
                try {
                    PrebuiltKnowledge.decode();
                    StartupMarks.mark("knowledge: form decoded");
                } catch (RuntimeException | Error e) {
                    // not lost: the load decodes again where it needs the form, and throws it there
                }
            }, "kb-knowledge-form");
            offer(inBackground(() -> loadKnowledge(List.of()), EngineBuild::buildEngineAhead));
        }
    }

    /** {@code knowledge} as given, the rule engine made of it by {@code build} on a background thread. */
    static EngineBuild engineInBackground(Knowledge knowledge, Function<Knowledge, Engine> build) {
        EngineBuild b = new EngineBuild();
        b.knowledge.complete(knowledge);
        background(() -> b.complete(b.engine, () -> build.apply(knowledge)));
        return b;
    }

    /** Both on a background thread: {@code load}, then (unless {@link #abandoned} by then) {@code build}. */
    static EngineBuild inBackground(Supplier<Knowledge> load, Function<Knowledge, Engine> build) {
        EngineBuild b = new EngineBuild();
        background(() -> {
            if (b.complete(b.knowledge, load)) {
                if (b.abandoned) {
                    b.engine.completeExceptionally(new IllegalStateException("the preloaded rule engine was not wanted"));
                } else {
                    b.complete(b.engine, () -> build.apply(b.knowledge.join()));
                }
            }
        });
        return b;
    }

    /** Makes {@code b} the build the next {@link #now} or {@link #started} without folders takes. */
    static void offer(EngineBuild b) {
        PRELOADED.set(b);
    }

    /** The preloaded build when it is what {@code dirs} asks for (the shipped knowledge alone); else abandons it. */
    private static EngineBuild taken(List<Path> dirs) {
        EngineBuild b = PRELOADED.getAndSet(null);
        if (b != null && !dirs.isEmpty()) {
            b.abandoned = true;
            return null;
        }
        return b;
    }

    /** Whether the rule engine is built (or failed): for tests of the background paths. */
    boolean engineDone() {
        return engine.isDone();
    }

    Knowledge knowledge() {
        return joined(knowledge);
    }

    Engine engine() {
        return joined(engine);
    }

    /**
     * Completes {@code f} with what {@code work} returns, or with what it throws (errors too: an out-of-memory on
     * the build thread must reach the caller, not end a thread nobody watches); whether it succeeded. A failed
     * knowledge load fails the engine as well, with the same exception.
     */
    private <T> boolean complete(CompletableFuture<T> f, Supplier<T> work) {
        try {
            f.complete(work.get());
            return true;
        } catch (Throwable t) {
            f.completeExceptionally(t);
            if (f == knowledge) {
                engine.completeExceptionally(t);
            }
            return false;
        }
    }

    /** The value, or the very exception the build threw (not wrapped), so callers catch what they always caught. */
    private static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static void background(Runnable work) {
        background(work, "kb-rule-engine-build");
    }

    private static void background(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true); // a command that ends without a diagnosis (a usage error, a listing) does not wait for it
        t.start();
    }

    private static Knowledge loadKnowledge(List<Path> dirs) {
        return Diagnostician.loadKnowledge(dirs);
    }

    private static Engine buildEngine(Knowledge k) {
        Engine e = new Engine(k);
        StartupMarks.mark("rule engine: built");
        return e;
    }

    /**
     * {@link #buildEngine}, then the first diagnosis's session, on the background thread before the engine is handed
     * over: a caller still busy reading its input does not make it on its own thread after the wait (when it is
     * already waiting, it waits that much longer instead, and makes none).
     */
    private static Engine buildEngineAhead(Knowledge k) {
        Engine e = buildEngine(k);
        e.prepareSession();
        StartupMarks.mark("rule engine: session made");
        return e;
    }
}
