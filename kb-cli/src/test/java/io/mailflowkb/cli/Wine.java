package io.mailflowkb.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One Wine prefix (Debian wine64: real cmd.exe and reg.exe) for a test: created with {@code wineboot -i}, used for
 * every step of that test, its wineserver stopped by {@link #close}. Wine comes from tools/test-deps/wine.sh; a
 * test that has no Wine is skipped with the reason, never passed.
 */
final class Wine implements AutoCloseable {

    /** Every Wine command is bounded; a hang fails the test instead of the build. */
    static final long TIMEOUT_SECONDS = 180;

    final Path wine;
    final Path prefix;
    final List<String> extraEnv = new ArrayList<>();
    /** Unix variables not to pass on (Wine hands the Unix environment to Windows programs, JAVA_HOME too). */
    final List<String> removedEnv = new ArrayList<>();

    private Wine(Path wine, Path prefix) {
        this.wine = wine;
        this.prefix = prefix;
    }

    /** The wine64 binary, or the test is skipped saying how to install it. */
    static Path binary() {
        String override = System.getenv("KB_WINE");
        for (String c : override != null ? List.of(override) : List.of("/usr/lib/wine/wine64")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        Assumptions.abort("wine64 is not installed at /usr/lib/wine/wine64 (install it with tools/test-deps/wine.sh, "
                + "or set KB_WINE)");
        return null;
    }

    /**
     * A fresh prefix below {@code dir} (about 6 s), with a persistent wineserver: Wine rewrites the volatile
     * ComputerName key from the Unix host name whenever a wineserver starts, so one server for the whole test keeps
     * an imported ComputerName in place, as a real server's would stay.
     */
    static Wine boot(Path dir) throws Exception {
        Wine w = new Wine(binary(), dir.resolve("wineprefix"));
        Result r = w.run(dir, "wineboot", "-i");
        Assumptions.assumeTrue(Files.isDirectory(w.prefix.resolve("drive_c")),
                "wineboot -i did not create a prefix (exit " + r.exit + "): " + r.err);
        w.server("-p");
        return w;
    }

    private void server(String option) throws Exception {
        Path server = wine.resolveSibling("wineserver");
        if (Files.isExecutable(server)) {
            ProcessBuilder pb = new ProcessBuilder(server.toString(), option).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("WINEPREFIX", prefix.toString());
            Process p = pb.start();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A Unix path as Wine's programs see it (drive Z: is /). */
    static String windowsPath(Path p) {
        return "Z:" + p.toAbsolutePath().normalize().toString().replace('/', '\\');
    }

    /** Runs a Wine program (cmd, reg, ...) in {@code dir} and waits for it. */
    Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(wine.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("WINEPREFIX", prefix.toString());
        pb.environment().put("WINEDEBUG", "-all");
        pb.environment().put("WINEDLLOVERRIDES", "mscoree,mshtml=");   // no Mono/Gecko install dialogs
        pb.environment().remove("DISPLAY");
        removedEnv.forEach(pb.environment()::remove);
        for (String e : extraEnv) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Path out = Files.createTempFile(dir, "wine-out", ".txt");
        Path err = Files.createTempFile(dir, "wine-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("wine " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** {@code reg import FILE} run from the file's folder with a relative name (Wine keeps quotes of absolute ones). */
    void importReg(Path file) throws Exception {
        Result r = run(file.getParent(), "reg", "import", file.getFileName().toString());
        if (r.exit != 0) {
            throw new AssertionError("reg import " + file + " failed (" + r.exit + "): " + r.out + r.err);
        }
    }

    /** {@code reg export KEY FILE /y}; false when the key does not exist. */
    boolean exportReg(Path dir, String key, String fileName) throws Exception {
        return run(dir, "reg", "export", key, fileName, "/y").exit == 0;
    }

    @Override
    public void close() throws Exception {
        server("-k");
        // The prefix links My Documents & co. to the real home folder: delete the links, never what they point to
        // (Files.walk does not follow links), so @TempDir has nothing left to warn about.
        if (Files.isDirectory(prefix)) {
            try (var walk = Files.walk(prefix)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    record Result(int exit, String out, String err) {
    }
}
