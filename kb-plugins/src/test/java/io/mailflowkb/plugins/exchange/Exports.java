package io.mailflowkb.plugins.exchange;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs the exchange collector on test resources or on bytes written to a temporary folder. */
final class Exports {

    /** The collection time the tests use, so certificate lifetimes do not drift with the calendar. */
    static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");

    private Exports() {
    }

    static byte[] resource(String name) {
        try (InputStream in = Exports.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CollectingSink collect(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        CollectingSink sink = new CollectingSink(ExchangeCollector.ID);
        new ExchangeCollector().collect(new Request(InputKind.LOGS, file, null, name, Map.of(), null,
                Clock.fixed(NOW, ZoneOffset.UTC), null), sink);
        return sink;
    }

    static CollectingSink fixture(Path dir, String name) throws IOException {
        return collect(dir, name, resource("healthchecker/" + name));
    }

    static <T extends Fact> List<T> facts(CollectingSink sink, Class<T> type) {
        return sink.facts().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
