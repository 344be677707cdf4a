package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mailflowkb.model.knowledge.ExampleDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An example's input packaged in a jar is read from the jar's directory, without opening the jar as a file system
 * ({@link KnowledgeSource#packagedFile}), named as the file system path would name it; anything that is not a
 * plain file inside the folder is left to the path, which refuses what leaves the folder as before. The jar is a
 * real one written here and found through a class loader, as a run finds kb.jar.
 */
class PackagedInputTest {

    private static final byte[] EXPORT = "Windows Registry Editor Version 5.00\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW = "raw\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private Path writeJar() throws IOException {
        Path jar = tmp.resolve("kb.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            entry(out, "knowledge/", null);
            entry(out, "knowledge/README.md", RAW);
            entry(out, "knowledge/a/", null);
            entry(out, "knowledge/a/examples/", null);
            entry(out, "knowledge/a/examples/x.reg", EXPORT);
            entry(out, "knowledge/a/examples/logs/", null);
            entry(out, "knowledge/a/examples/logs/SEND1.LOG", RAW);
            entry(out, "knowledge/examples/", null);
            entry(out, "knowledge/examples/raw/", null);
            entry(out, "knowledge/examples/raw/y.reg", RAW);
            entry(out, "outside.reg", RAW);
        }
        return jar;
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        if (content != null) {
            out.write(content);
        }
        out.closeEntry();
    }

    private static void assertNotOpen(Path jar) {
        assertThrows(FileSystemNotFoundException.class, () -> FileSystems.getFileSystem(URI.create("jar:" + jar.toUri())),
                "the jar is not open as a file system");
    }

    @Test
    void aFileIsReadFromTheJarWithoutOpeningItAndNamedAsItsPathWouldBe() throws Exception {
        Path jar = writeJar();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            KnowledgeSource packaged = KnowledgeSource.packagedAt(loader.getResource("knowledge/README.md"));
            KnowledgeExample example = new KnowledgeExample(new ExampleDefinition("x", "", List.of("registry:x.reg"),
                    List.of(), List.of()), packaged, "a/examples", "knowledge/a/finding.yaml");

            KnowledgeSource.PackagedFile read = example.packagedInput("x.reg");
            assertNotNull(read);
            assertEquals("knowledge/a/examples/x.reg", read.name());
            assertArrayEquals(EXPORT, read.content());
            KnowledgeSource.PackagedFile up = example.packagedInput("./../../examples/raw//y.reg");
            assertNotNull(up);
            assertEquals("knowledge/examples/raw/y.reg", up.name());
            assertArrayEquals(RAW, up.content());
            assertNotOpen(jar);

            for (String pathOnly : List.of("logs", "logs/", ".", "missing.reg", "../../../outside.reg", "/x.reg", "")) {
                assertNull(example.packagedInput(pathOnly), pathOnly + " is left to the path");
            }
            assertNotOpen(jar);
            assertThrows(ExampleInputOutsideException.class, () -> example.input("../../../outside.reg"),
                    "the path still refuses what leaves the folder");

            try (FileSystem fs = FileSystems.getFileSystem(URI.create("jar:" + jar.toUri()))) {
                assertSame(fs, example.input("x.reg").getFileSystem());
                assertNull(example.packagedInput("x.reg"), "once the folder is open, its paths are used");
            }
        }
    }

    @Test
    void aFolderOnDiskIsAlwaysReadThroughItsPath() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("knowledge/a/examples"));
        Files.write(root.resolve("x.reg"), EXPORT);
        KnowledgeSource onDisk = KnowledgeSource.shippedAt(tmp.resolve("knowledge"));
        assertNull(onDisk.packagedFile("a/examples", "x.reg"));
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 400).mapToObj(i -> 0x6b62L * 1_000 + i);
    }

    /**
     * Against the file system's own resolution of the same text under {@code /knowledge}: whenever a name is given
     * it is exactly the path's, and a path that leaves the folder never gets one (a path that leaves and comes back,
     * {@code ../knowledge/x}, may be left to the path: it is then read there).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNameIsThePathsWheneverOneIsGiven(long seed) {
        Random random = new Random(seed);
        String folder = String.join("/", parts(random, 0, 3, List.of("a", "b", "examples")));
        String relative = String.join("/", parts(random, 0, 6, List.of("a", "x.reg", ".", "..", "", "knowledge",
                "b", "logs")));
        if (random.nextInt(8) == 0) {
            relative = "/" + relative;
        }
        Path resolved = Path.of("/knowledge").resolve(folder).resolve(relative).normalize();
        String inside = KnowledgeSource.insideRoot(folder, relative);
        boolean within = resolved.startsWith("/knowledge") && !resolved.equals(Path.of("/knowledge"));
        if (inside != null) {
            assertEquals(resolved.toString(), "/knowledge/" + inside, folder + " + " + relative);
        } else if (!relative.startsWith("/") && !relative.isEmpty() && within) {
            assertEquals(true, relative.contains(".."), "only a way out and back is left to the path: " + relative);
        }
        if (!within) {
            assertNull(inside, "leaves the folder: " + folder + " + " + relative);
        }
    }

    private static List<String> parts(Random random, int min, int max, List<String> from) {
        List<String> parts = new ArrayList<>();
        int n = min + random.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            parts.add(from.get(random.nextInt(from.size())));
        }
        return parts;
    }
}
