package io.mailflowkb.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real third-party collector jar at test time: Java source compiled against kb-model alone, with its
 * {@code META-INF/services} entry, exactly as an outside developer would ship it.
 */
final class PluginJar {

    static final String SOURCE = """
            package com.example.inventory;

            import io.mailflowkb.model.fact.HostProfile;
            import io.mailflowkb.model.fact.Provenance;
            import io.mailflowkb.model.spi.*;
            import java.io.IOException;
            import java.nio.file.Files;
            import java.util.List;
            import java.util.Set;

            /** Reads "host,windowsBuild,exchangeBuild" lines from an asset inventory export. */
            public final class InventoryCollector implements FactCollector {
                public String id() { return "inventory"; }
                public String description() { return "asset inventory CSV (host,windowsBuild,exchangeBuild)"; }
                public Set<InputKind> accepts() { return Set.of(InputKind.LOGS); }
                public boolean recognizes(InputKind kind, String name, byte[] head) {
                    return new String(head, java.nio.charset.StandardCharsets.UTF_8).startsWith("#inventory");
                }
                public void collect(CollectionRequest request, FactSink sink) throws IOException {
                    List<String> lines = Files.readAllLines(request.path());
                    for (int i = 1; i < lines.size(); i++) {
                        String[] f = lines.get(i).split(",");
                        if (f.length != 3) {
                            sink.warning(request.displayName(), i + 1, "expected 3 fields: " + lines.get(i));
                            continue;
                        }
                        sink.fact(new HostProfile(null, Integer.valueOf(f[1].strip()), null, f[2].strip(), null,
                                f[0].strip(), Provenance.of(request.displayName(), i + 1)));
                    }
                }
            }
            """;

    private PluginJar() {
    }

    static Path build(Path dir) throws IOException {
        Path src = dir.resolve("src/com/example/inventory/InventoryCollector.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String modelClasses = Path.of(io.mailflowkb.model.fact.Fact.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath()).toString();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", modelClasses, src.toString());
        if (rc != 0) {
            throw new IllegalStateException("plugin source did not compile");
        }
        Path jars = dir.resolve("plugins");
        Files.createDirectories(jars);
        Path jar = jars.resolve("inventory-collector.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/io.mailflowkb.model.spi.FactCollector"));
            write(out, "com.example.inventory.InventoryCollector\n");
            out.closeEntry();
        }
        return jars;
    }

    static Path inventoryFile(Path dir) throws IOException {
        Path f = dir.resolve("inventory.csv");
        Files.write(f, List.of("#inventory host,windowsBuild,exchangeBuild", "EX01, 9600, 15.1.2507.6", "broken line"));
        return f;
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
