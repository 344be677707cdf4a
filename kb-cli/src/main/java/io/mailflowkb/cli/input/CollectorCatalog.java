package io.mailflowkb.cli.input;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.input.ContentDetection;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/** The collectors found with {@link ServiceLoader}: built in, on the class path, or in {@code --plugin-path} jars. */
public final class CollectorCatalog {

    private final List<FactCollector> collectors;

    private CollectorCatalog(List<FactCollector> collectors) {
        this.collectors = List.copyOf(collectors);
    }

    public static CollectorCatalog load(List<Path> pluginDirs) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<URL> jars = new ArrayList<>();
        for (Path dir : pluginDirs) {
            if (!Files.isDirectory(dir)) {
                throw new InvalidInputException(dir.toString(), null, "--plugin-path must be a folder of jars");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    jars.add(jar.toUri().toURL());
                }
            } catch (IOException e) {
                throw new InvalidInputException(dir.toString(), null, "cannot list plugin folder: " + InvalidInputException.ioReason(e));
            }
        }
        if (!jars.isEmpty()) {
            loader = new URLClassLoader(jars.toArray(URL[]::new), loader);
        }
        List<FactCollector> found = new ArrayList<>();
        ServiceLoader.load(FactCollector.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(FactCollector::id));
        return new CollectorCatalog(found);
    }

    public List<FactCollector> all() {
        return collectors;
    }

    public FactCollector byId(String id) {
        return collectors.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** The collector of this kind that claims the content most strongly, or {@code null}. */
    public FactCollector forInput(InputKind kind, String name, byte[] head) {
        var file = WalkedFile.of(name, head);
        var best = ContentDetection.best(collectors.stream().filter(c -> c.accepts().contains(kind)).toList(), file);
        return best == null ? null : best.collector();
    }

    /** Collectors taking this kind, for error messages. */
    public List<String> idsFor(InputKind kind) {
        return collectors.stream().filter(c -> c.accepts().contains(kind)).map(FactCollector::id).toList();
    }
}
