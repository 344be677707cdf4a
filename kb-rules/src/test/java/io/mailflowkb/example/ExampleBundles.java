package io.mailflowkb.example;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Bundles an embedding program might diagnose: the shipped example bundles, and seeded random variations of
 * their SChannel registry values (the values Windows reads as on, off, or Microsoft's non-canonical forms).
 * Public API only: {@link BundleCodec}, {@link FactBundle} and the fact records.
 */
public final class ExampleBundles {

    static final String TLS12 = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\";
    static final long[] VALUES = {0, 1, 0xffffffffL, 2};

    private ExampleBundles() {
    }

    /** The shipped example bundles, from the knowledge folder the build points {@code kb.knowledge.dir} at. */
    public static List<FactBundle> shipped() {
        Path dir = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation", "examples");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(BundleCodec::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} variations of the shipped bundles: TLS 1.2 Client/Server values replaced at random. */
    public static List<FactBundle> variations(long seed, int count) {
        List<FactBundle> base = shipped();
        Random random = new Random(seed);
        List<FactBundle> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FactBundle b = base.get(random.nextInt(base.size()));
            List<RegistryValue> registry = new ArrayList<>();
            b.registryValues().stream().filter(v -> !v.key().startsWith(TLS12.substring(0, TLS12.length() - 1)))
                    .forEach(registry::add);
            for (String role : List.of("Client", "Server")) {
                for (String name : List.of("Enabled", "DisabledByDefault")) {
                    if (random.nextInt(4) > 0) {
                        registry.add(RegistryValue.dword(TLS12 + role, name, VALUES[random.nextInt(VALUES.length)],
                                Provenance.of("variation-" + seed + "-" + i + ".reg", 10 + registry.size())));
                    }
                }
            }
            out.add(new FactBundle(b.schemaVersion(), b.host(), b.registryKeys(), registry, b.symptoms(),
                    b.tlsOutcomes(), b.events(), b.probes(), b.certificates(), b.inputs()));
        }
        return out;
    }
}
