package io.mailflowkb.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PowerShell grammar check of tools/test-deps/powershell-grammar (tree-sitter-powershell in Node): installs its
 * pinned npm packages once per checkout and parses scripts. Without node, npm or the packages the calling test is
 * skipped with the reason.
 */
final class PowerShellGrammar {

    static final Path DIR = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge")).toAbsolutePath()
            .getParent().resolve("tools/test-deps/powershell-grammar");

    private PowerShellGrammar() {
    }

    /** Parses the files; the result's exit is 0 when no syntax-error node was found outside the known gaps. */
    static Run check(Path... files) throws Exception {
        String node = onPath("node");
        String npm = onPath("npm");
        Assumptions.assumeTrue(node != null && npm != null, "node and npm are needed on PATH for the PowerShell "
                + "grammar check (Node 20; tools/test-deps/powershell-grammar/README.md)");
        synchronized (PowerShellGrammar.class) {
            if (!Files.exists(DIR.resolve("node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm"))
                    || !Files.exists(DIR.resolve("node_modules/web-tree-sitter/package.json"))) {
                Run install = run(List.of(npm, "ci", "--ignore-scripts", "--legacy-peer-deps", "--no-audit", "--no-fund"),
                        300);
                Assumptions.assumeTrue(install.exit == 0, "npm ci in " + DIR + " failed (exit " + install.exit
                        + "): " + install.out.strip());
            }
        }
        List<String> cmd = new ArrayList<>(List.of(node, DIR.resolve("parse-check.mjs").toString()));
        for (Path f : files) {
            cmd.add(f.toAbsolutePath().toString());
        }
        Run r = run(cmd, 120);
        Assumptions.assumeTrue(r.exit == 0 || r.exit == 1, "the grammar check could not run (exit " + r.exit + "): "
                + r.out.strip());
        return r;
    }

    private static Run run(List<String> cmd, long seconds) throws Exception {
        Path out = Files.createTempFile("ps-grammar", ".txt");
        Process p = new ProcessBuilder(cmd).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return new Run(p.exitValue(), text);
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    record Run(int exit, String out) {
    }
}
