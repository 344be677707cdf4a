package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user does, in its own JVM. */
class ShadedJarIT {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static String jar() {
        return System.getProperty("kb.jar");
    }

    @Test
    void noJavaCompilerOrDrlParserIsLoadedDuringDiagnose() throws Exception {
        Run run = java("-verbose:class", "-jar", jar(), "diagnose", "--example", "tls12-client-disabled-export",
                "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        List<String> loaded = run.out().lines().filter(l -> l.startsWith("[") && l.contains("class,load")).toList();
        assertThat(loaded).as("class loading was traced").hasSizeGreaterThan(1000);
        assertThat(loaded).noneMatch(l -> l.contains(" com.sun.tools.javac.")
                        || l.contains(" org.eclipse.jdt.")
                        || l.contains(" javax.tools.ToolProvider")
                        || l.contains(" org.drools.model.codegen.")
                        || l.contains(" org.drools.drl.parser.")
                        || l.contains(" org.drools.mvel."));
        assertThat(run.out()).contains("\"id\": \"tls12-client-disabled\"");
    }

    @Test
    void jarAnswersVersionAndReadsTheShippedKnowledgeFromInsideItself() throws Exception {
        Run version = java("-jar", jar(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("kb (Mailflow KB) ");
        Run test = java("-jar", jar(), "rules", "test");
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains(" passed, 0 failed");
        assertThat(test.err()).isEmpty();
    }

    @Test
    void thirdPartyPluginJarWorksWithThePackagedCli() throws Exception {
        Path plugins = PluginJar.build(tmp);
        Run list = java("-jar", jar(), "plugins", "--plugin-path", plugins.toString());
        assertThat(list.out()).contains("inventory");
        Run collect = java("-jar", jar(), "collect", "--plugin-path", plugins.toString(), "--logs",
                PluginJar.inventoryFile(tmp).toString(), "-o", "-");
        assertThat(collect.exit()).as(collect.err()).isZero();
        assertThat(collect.out()).contains("hostName: EX01");
    }

    @Test
    void badInputGivesOneLineAndNoStackTrace() throws Exception {
        Path junk = tmp.resolve("junk.reg");
        java.nio.file.Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        Run run = java("-jar", jar(), "diagnose", "--registry", junk.toString());
        assertThat(run.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err().strip().lines()).singleElement().asString().contains("junk.reg");
        assertThat(run.out()).isEmpty();
    }

    /**
     * {@code main} preloads the shipped rule engine on a background thread while picocli parses (the in-process
     * {@link Kb} runs never do): the packaged jar must print exactly what the in-process CLI prints, for diagnoses,
     * explanations and the listing, and give the same one line for bad user knowledge (which skips the preload).
     */
    @Test
    void thePreloadingJarPrintsWhatTheInProcessCliPrints() throws Exception {
        List<String[]> cases = new ArrayList<>();
        for (String example : List.of("tls12-client-disabled-export", "tls12-absent-2008r2", "healthy-2019")) {
            cases.add(new String[] {"diagnose", "--example", example, "--format", "json"});
        }
        cases.add(new String[] {"diagnose", "--example", "tls12-client-disabled", "--explain"});
        cases.add(new String[] {"diagnose", "--example"});
        Path bad = java.nio.file.Files.createDirectory(tmp.resolve("bad-knowledge"));
        java.nio.file.Files.writeString(bad.resolve("user.yaml"), "knowledgeVersion: 1\nfindings:\n  - id: Not An Id\n");
        cases.add(new String[] {"diagnose", "--example", "healthy-2019", "--knowledge", bad.toString()});
        for (String[] args : cases) {
            List<String> jarArgs = new ArrayList<>(List.of("-jar", jar()));
            jarArgs.addAll(List.of(args));
            Run packaged = java(jarArgs.toArray(String[]::new));
            Kb inProcess = Kb.run(args);
            String what = String.join(" ", args);
            assertThat(packaged.exit()).as(what + ": " + packaged.err()).isEqualTo(inProcess.exit());
            assertThat(packaged.out()).as(what).isEqualTo(inProcess.out());
            assertThat(packaged.err()).as(what).isEqualTo(inProcess.err());
        }
    }
}
