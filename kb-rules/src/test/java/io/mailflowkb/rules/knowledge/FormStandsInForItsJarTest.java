package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailflowkb.model.knowledge.KnowledgeFile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the build-time form stands in for listing and reading the shipped folder ({@link PrebuiltKnowledge#standsInFor}):
 * only for the packaged folder of the very jar the form was read from, and only when that build validated the
 * folder whole; every other folder is listed and its files compared byte for byte. The jars are real, written here
 * from the checkout's knowledge/ and a form made of it by the build step's own writer, and read through a class
 * loader and a jar file system as a run reads kb.jar.
 */
class FormStandsInForItsJarTest {

    private static final Path KNOWLEDGE = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"));

    @TempDir
    Path tmp;

    /**
     * A jar holding the checkout's knowledge/ and its form, found as the run finds kb.jar's ({@code packaged}: by
     * its class loader, unopened) and also opened as a file system ({@code opened}: its folder as a path).
     */
    private record Opened(URLClassLoader loader, FileSystem fs, PrebuiltKnowledge form, KnowledgeSource packaged,
                          KnowledgeSource opened)
            implements AutoCloseable {

        @Override
        public void close() throws IOException {
            fs.close();
            loader.close();
        }
    }

    private Opened jar(String name, boolean validated) throws Exception {
        Path jar = writeJar(name, validated);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        URL readme = loader.getResource(KnowledgeSource.RESOURCE + "/README.md");
        FileSystem fs = FileSystems.newFileSystem(readme.toURI(), Map.of());
        return new Opened(loader, fs, PrebuiltKnowledge.read(loader.getResource(PrebuiltKnowledge.RESOURCE)),
                KnowledgeSource.packagedAt(readme), KnowledgeSource.shippedAt(fs.getPath("/" + KnowledgeSource.RESOURCE)));
    }

    /** A jar as kb-rules' build packages one: the checkout's knowledge/ under knowledge/, and its form. */
    private Path writeJar(String name, boolean validated) throws IOException {
        Path form = tmp.resolve(name + ".bin");
        PrebuiltKnowledge.write(KnowledgeSource.shippedAt(KNOWLEDGE), form, validated);
        Path jar = tmp.resolve(name + ".jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(KNOWLEDGE)) {
            for (Path p : walk.sorted().toList()) {
                String entry = (KnowledgeSource.RESOURCE + "/" + KNOWLEDGE.relativize(p)).replace('\\', '/');
                entry = entry.endsWith("/") ? entry : entry + (Files.isDirectory(p) ? "/" : "");
                zip.putNextEntry(new ZipEntry(entry));
                if (Files.isRegularFile(p)) {
                    Files.copy(p, zip);
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(PrebuiltKnowledge.RESOURCE));
            Files.copy(form, zip);
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void theFormOfAValidatedJarIsExactlyWhatListingAndParsingItsPackagedFolderGive() throws Exception {
        try (Opened a = jar("a", true)) {
            Map<String, KnowledgeFile> standIn = a.form().standingInFor(a.packaged());
            assertNotNull(standIn, "the form stands in for its own jar's packaged folder");
            assertEquals(standIn, a.form().standingInFor(a.opened()), "found or opened, the same folder");
            List<Path> listed = a.opened().files();
            assertTrue(listed.size() > 10, listed.toString());
            Path root = a.opened().root();
            assertEquals(listed.stream().map(f -> root.relativize(f).toString()).toList(),
                    List.copyOf(standIn.keySet()), "the same files in the same order as the listing");
            for (Path f : listed) {
                assertEquals(KnowledgeReader.read(f, a.opened().cite(f)), standIn.get(root.relativize(f).toString()),
                        f.toString());
            }
        }
    }

    /**
     * Loading needs no path in the jar: its packaged folder is found by the class loader and opened as a file system
     * only when an example's input is asked for (kb diagnose --example, kb rules test), and then the input is the
     * jar's own bytes, under the same folder as on disk.
     */
    @Test
    void theJarIsOpenedAsAFileSystemOnlyWhenAnExampleInputIsRead() throws Exception {
        Path jar = writeJar("lazy", true);
        URI asFileSystem = URI.create("jar:" + jar.toUri());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            KnowledgeSource packaged = KnowledgeSource.packagedAt(loader.getResource(KnowledgeSource.RESOURCE + "/README.md"));
            Map<String, KnowledgeFile> standIn = PrebuiltKnowledge.read(loader.getResource(PrebuiltKnowledge.RESOURCE))
                    .standingInFor(packaged);
            assertNotNull(standIn);
            Map.Entry<String, KnowledgeFile> declaring = standIn.entrySet().stream()
                    .filter(e -> !e.getValue().examples().isEmpty()).findFirst().orElseThrow();
            String relative = declaring.getKey();
            String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
            KnowledgeExample example = new KnowledgeExample(declaring.getValue().examples().get(0), packaged, folder,
                    packaged.cite(relative));
            assertEquals("knowledge/" + relative, example.declaredIn());
            assertThrows(FileSystemNotFoundException.class, () -> FileSystems.getFileSystem(asFileSystem),
                    "found and its example made, the jar is not open as a file system");

            String input = example.definition().inputs().get(0);
            String inputPath = input.substring(input.indexOf(':') + 1);
            Path read = example.input(inputPath);
            try (FileSystem fs = FileSystems.getFileSystem(asFileSystem)) {
                assertSame(fs, read.getFileSystem(), "opened for the input");
                assertEquals(fs.getPath("/knowledge/" + folder), example.baseDir());
                assertEquals(fs.getPath("/knowledge"), example.knowledgeRoot());
                assertArrayEquals(Files.readAllBytes(KNOWLEDGE.resolve(folder).resolve(inputPath)), Files.readAllBytes(read));
            }
        }
    }

    @Test
    void itStandsInForNoOtherJarFolderOrSource() throws Exception {
        try (Opened a = jar("a", true); Opened b = jar("b", true)) {
            assertNull(a.form().standingInFor(b.packaged()), "another jar's packaged folder, same bytes");
            assertNull(b.form().standingInFor(a.packaged()));
            assertNull(a.form().standingInFor(b.opened()), "another jar's packaged folder, opened");
            assertNull(a.form().standingInFor(KnowledgeSource.shippedAt(a.fs().getPath("/knowledge/tls-deprecation"))),
                    "a folder inside the packaged one");
            assertNull(a.form().standingInFor(KnowledgeSource.userFolder(a.fs().getPath("/knowledge"))),
                    "the jar's folder named as a user folder");
            assertNull(a.form().standingInFor(KnowledgeSource.shippedAt(KNOWLEDGE)), "a folder on disk");
        }
    }

    @Test
    void aFormWhoseBuildFoundAProblemStandsInForNothing() throws Exception {
        try (Opened c = jar("c", false)) {
            assertNull(c.form().standingInFor(c.packaged()));
            assertNull(c.form().standingInFor(c.opened()));
        }
    }

    @Test
    void aFormReadFromAFolderOfClassesStandsInForNothing() throws Exception {
        Path classes = tmp.resolve("classes");
        Path form = classes.resolve(PrebuiltKnowledge.RESOURCE);
        Files.createDirectories(form.getParent());
        PrebuiltKnowledge.write(KnowledgeSource.shippedAt(KNOWLEDGE), form, true);
        PrebuiltKnowledge read = PrebuiltKnowledge.read(form.toUri().toURL());
        assertNull(read.standingInFor(KnowledgeSource.shippedAt(KNOWLEDGE)));
        assertFalse(PrebuiltKnowledge.packagedFolderOf(form.toUri(), KnowledgeSource.shippedAt(KNOWLEDGE)));
    }

    /** In these tests the shipped folder is the build's output folder on disk: listed and compared, never trusted. */
    @Test
    void theShippedFolderOnDiskIsListedAndComparedAndAChangedFileIsReadFromItsYaml() throws IOException {
        KnowledgeSource packaged = KnowledgeSource.forFolders(List.of()).get(0);
        assertEquals("file", packaged.root().toUri().getScheme(), "kb-rules' tests run on its classes folder");
        assertNull(PrebuiltKnowledge.standsInFor(packaged));
        assertNull(PrebuiltKnowledge.standsInFor(KnowledgeSource.shippedAt(KNOWLEDGE)));

        Path copy = PrebuiltKnowledgeTest.copyOfKnowledge(tmp);
        KnowledgeSource source = KnowledgeSource.shippedAt(copy);
        CompiledFinding first = KnowledgeLoader.load(List.of(source)).findings().get(0);
        Path file = copy.resolve(first.rule().substring("knowledge/".length(), first.rule().indexOf('#')));
        String title = first.definition().title();
        Files.writeString(file, Files.readString(file).replace(title, title + " (edited)"));
        assertNull(PrebuiltKnowledge.standsInFor(source));
        assertNull(PrebuiltKnowledge.lookup(source, file, source.cite(file)));
        assertEquals(title + " (edited)", KnowledgeLoader.load(List.of(source)).finding(first.id()).orElseThrow()
                .definition().title());
    }
}
