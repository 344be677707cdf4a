package io.mailflowkb.example;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    /**
     * The shipped bundles of the TLS 1.2 and STARTTLS findings (each in its finding's folder) and the healthy one, from
     * the knowledge folder the build points {@code kb.knowledge.dir} at. A fixed list, so the variations (and the
     * throughput they measure) do not change when another finding gains an example.
     */
    static final List<String> SHIPPED = List.of(
            // in the order of their file names, as when they shared one folder: the seeded variations pick by index
            "examples/healthy-2019.yaml",
            "findings/tls12-client-disabled/near-misses/near-miss-ffffffff-2016.yaml",
            "findings/starttls-fallback-rejected/near-misses/near-miss-socketerror-only.yaml",
            "findings/starttls-fallback-rejected/examples/starttls-fallback-queue.yaml",
            "findings/starttls-fallback-rejected/examples/starttls-fallback-session.yaml",
            "findings/tls12-client-disabled/examples/tls12-absent-2008r2.yaml",
            "findings/tls12-client-disabled/examples/tls12-client-disabled-by-default.yaml",
            "findings/tls12-client-disabled/examples/tls12-client-disabled.yaml",
            "findings/tls12-server-disabled/examples/tls12-server-disabled.yaml");

    public static List<FactBundle> shipped() {
        Path dir = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation");
        return SHIPPED.stream().map(dir::resolve).map(BundleCodec::read).toList();
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
