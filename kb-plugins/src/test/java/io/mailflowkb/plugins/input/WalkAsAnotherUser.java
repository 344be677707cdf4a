package io.mailflowkb.plugins.input;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.FactSink;
import java.nio.file.Path;

/**
 * Walks a folder and prints what the walker saw, one line each ({@code file NAME} or {@code skipped NAME: REASON}).
 * {@link WalkedFilesTest} runs it as an unprivileged user (setpriv) when the tests run as root, because root reads
 * a folder whatever its permissions say.
 */
public final class WalkAsAnotherUser {

    private WalkAsAnotherUser() {
    }

    public static void main(String[] args) {
        FactSink sink = new FactSink() {
            @Override
            public void fact(Fact fact) {
            }

            @Override
            public void warning(String source, Integer line, String message) {
            }

            @Override
            public void read(String source, String collectorId) {
            }

            @Override
            public void skipped(String source, String reason) {
                System.out.println("skipped " + source + ": " + reason);
            }
        };
        try (EvidenceWalker w = new EvidenceWalker(WalkLimits.DEFAULTS, sink)) {
            w.walk(Path.of(args[0]), args[0], f -> System.out.println("file " + f.name()));
        }
    }
}
