package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector SPI seen from outside: built-in collectors listed, a third-party jar found and used. */
class PluginsAndCollectTest {

    @TempDir
    Path tmp;

    @Test
    void builtInCollectorsAreListedWithWhatTheyAccept() {
        Kb kb = Kb.run("plugins");
        assertThat(kb.exit()).isZero();
        assertThat(kb.out()).contains("registry ", "accepts: live-registry, registry", "probe ", "accepts: probe");
    }

    @Test
    void thirdPartyJarIsDiscoveredAndUsedByCollectWithoutCodeChanges() throws Exception {
        Path plugins = PluginJar.build(tmp);
        Kb list = Kb.run("plugins", "--plugin-path", plugins.toString());
        assertThat(list.out()).contains("inventory", "asset inventory CSV", "com.example.inventory.InventoryCollector");

        Path inventory = PluginJar.inventoryFile(tmp);
        Path bundleFile = tmp.resolve("bundle.yaml");
        Kb collect = Kb.run("collect", "--plugin-path", plugins.toString(), "--logs", inventory.toString(),
                "-o", bundleFile.toString());
        assertThat(collect.exit()).as(collect.err()).isZero();
        FactBundle bundle = BundleCodec.read(bundleFile);
        assertThat(bundle.host().hostName()).isEqualTo("EX01");
        assertThat(bundle.host().exchangeBuild()).isEqualTo("15.1.2507.6");
        assertThat(bundle.inputs()).singleElement().satisfies(i -> {
            assertThat(i.collector()).isEqualTo("inventory");
            assertThat(i.warnings()).singleElement().asString().contains("line 3", "expected 3 fields");
        });

        Kb byId = Kb.run("collect", "--plugin-path", plugins.toString(), "--input", "inventory=" + inventory,
                "-o", tmp.resolve("b2.json").toString());
        assertThat(byId.exit()).isZero();
        assertThat(BundleCodec.read(tmp.resolve("b2.json"))).isEqualTo(bundle);
    }

    @Test
    void collectThenDiagnoseGivesWhatDiagnoseGivesDirectly() throws Exception {
        Path root = Path.of(System.getProperty("kb.knowledge.dir"), "tls-deprecation/examples/raw");
        Path bundle = tmp.resolve("ex01.yaml");
        Kb collect = Kb.run("collect", "--registry", root.resolve("ex01-schannel.reg").toString(),
                "--registry", root.resolve("ex01-host.reg").toString(), "-o", bundle.toString());
        assertThat(collect.exit()).as(collect.err()).isZero();
        Kb later = Kb.run("diagnose", bundle.toString(), "--format", "json");
        Kb direct = Kb.run("diagnose", "--registry", root.resolve("ex01-schannel.reg").toString(),
                "--registry", root.resolve("ex01-host.reg").toString(), "--format", "json");
        assertThat(later.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(later.out()).isEqualTo(direct.out());
    }

    @Test
    void collectRefusesUnknownContentWithOneLine() throws Exception {
        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "just some notes\nnothing registry-like\n");
        Kb.run("collect", "--registry", notes.toString(), "-o", tmp.resolve("x.yaml").toString())
                .assertOneLineErrorNaming("notes.txt");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }
}
