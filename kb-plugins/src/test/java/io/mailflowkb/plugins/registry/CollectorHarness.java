package io.mailflowkb.plugins.registry;

import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the collector on test resources or on bytes written to a temporary folder. */
final class CollectorHarness {

    private CollectorHarness() {
    }

    static byte[] resource(String name) {
        try (InputStream in = CollectorHarness.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects {@code bytes} saved as {@code dir/name}; provenance names the file by {@code name}. */
    static RecordingSink collect(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        RecordingSink sink = new RecordingSink();
        Request request = new Request(InputKind.REGISTRY, file, null, name, null, null, null, null);
        new RegistryCollector().collect(request, sink);
        return sink;
    }

    static RecordingSink collectResource(Path dir, String resource) throws IOException {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return collect(dir, name, resource(resource));
    }
}
