package io.mailflowkb.rules.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mailflowkb.model.knowledge.KnowledgeFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time form of the shipped knowledge (PrebuiltKnowledge, written by kb-rules' build) against a fresh
 * parse of the checkout's knowledge/ folder: same records, same compiled knowledge, and a changed file is read from
 * its YAML, never from a stale form.
 */
class PrebuiltKnowledgeTest {

    private static final Path KNOWLEDGE = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"));

    private static KnowledgeSource checkout() {
        return new KnowledgeSource(KNOWLEDGE, KnowledgeSource.RESOURCE, true);
    }

    @Test
    void buildTimeFormEqualsFreshParseOfEveryShippedFile() {
        KnowledgeSource source = checkout();
        Map<String, KnowledgeFile> fresh = new TreeMap<>();
        for (Path f : source.files()) {
            fresh.put(source.cite(f), KnowledgeReader.read(f, source.cite(f)));
        }
        Map<String, KnowledgeFile> prebuilt = new TreeMap<>(PrebuiltKnowledge.shippedFiles());
        assertFalse(fresh.isEmpty());
        assertEquals(fresh.keySet(), prebuilt.keySet(), "every shipped file is in the build-time form");
        fresh.forEach((cited, file) -> assertEquals(file, prebuilt.get(cited), cited));
        for (Path f : source.files()) {
            assertTrue(PrebuiltKnowledge.lookup(source, f, source.cite(f)) != null, "used for " + f);
        }
    }

    @Test
    void loadingWithTheBuildTimeFormGivesTheSameKnowledge() {
        Knowledge yaml = KnowledgeLoader.load(List.of(checkout()), false);
        Knowledge prebuilt = KnowledgeLoader.load(List.of(checkout()), true);
        assertEquals(yaml.symptoms(), prebuilt.symptoms());
        assertEquals(describe(yaml), describe(prebuilt));
        assertEquals(yaml.examples(), prebuilt.examples());
        assertEquals(yaml.disabled(), prebuilt.disabled());
    }

    /** Compiled findings hold lambdas; compare what they are made of, including each constraint's canonical id. */
    private static List<String> describe(Knowledge k) {
        Stream<String> findings = k.findings().stream().map(f -> f.definition() + " " + f.rule() + " " + f.shipped()
                + " " + f.overriddenBy() + " " + f.conditions());
        Stream<String> missing = k.missingEvidence().stream().map(m -> m.definition() + " " + m.rule() + " "
                + m.conditions());
        return Stream.concat(findings, missing).toList();
    }

    @Test
    void anEditedFileIsReadFromItsYamlNotFromTheBuildTimeForm(@TempDir Path tmp) throws IOException {
        Path copy = copyOfKnowledge(tmp);
        KnowledgeSource source = new KnowledgeSource(copy, KnowledgeSource.RESOURCE, true);
        CompiledFinding first = KnowledgeLoader.load(List.of(source)).findings().get(0);
        Path file = copy.resolve(first.rule().substring("knowledge/".length(), first.rule().indexOf('#')));
        String text = Files.readString(file);
        String title = first.definition().title();
        assertTrue(text.contains(title), "title written literally in " + file);
        Files.writeString(file, text.replace(title, title + " (edited)"));

        assertEquals(null, PrebuiltKnowledge.lookup(source, file, source.cite(file)));
        CompiledFinding edited = KnowledgeLoader.load(List.of(source)).finding(first.id()).orElseThrow();
        assertEquals(title + " (edited)", edited.definition().title());
    }

    @Test
    void theBuildValidatedExactlyTheShippedFilesSoTheirElementChecksAreSkipped() {
        KnowledgeSource source = checkout();
        List<Path> files = source.files();
        java.util.Set<String> cited = new java.util.HashSet<>();
        files.forEach(f -> cited.add(source.cite(f)));
        assertTrue(PrebuiltKnowledge.validatedAtBuild(source, files.size(), cited), "the lever is on for main");
        java.util.Set<String> fewer = new java.util.HashSet<>(cited);
        fewer.remove(cited.iterator().next());
        assertFalse(PrebuiltKnowledge.validatedAtBuild(source, files.size(), fewer), "one file from its YAML");
        assertFalse(PrebuiltKnowledge.validatedAtBuild(source, files.size() + 1, cited), "one file more");
        assertFalse(PrebuiltKnowledge.validatedAtBuild(KnowledgeSource.userFolder(KNOWLEDGE), files.size(), cited),
                "a user folder is always checked in full");
    }

    /** A bad symptom and finding in a file the build never saw: its checks run although the rest is unchanged. */
    private static final String BAD = """
            knowledgeVersion: 1
            symptoms:
              - id: bad-regex-symptom
                title: a symptom whose regex is refused
                regex: "(unclosed"
            findings:
              - id: bad-finding-without-remediation
                severity: warning
                direction: outbound
                title: a finding without remediation or references
                when:
                  - fact: ProtocolState
            """;

    @Test
    void aFileAddedBesideTheShippedOnesIsChecked(@TempDir Path tmp) throws IOException {
        Path copy = copyOfKnowledge(tmp);
        Files.writeString(copy.resolve("tls-deprecation/added.yaml"), BAD);
        KnowledgeException e = assertThrows(KnowledgeException.class, () ->
                KnowledgeLoader.load(List.of(new KnowledgeSource(copy, KnowledgeSource.RESOURCE, true))));
        String all = e.problems().toString();
        assertTrue(all.contains("bad-regex-symptom: regex"), all);
        assertTrue(all.contains("bad-finding-without-remediation needs at least one remediation step"), all);
    }

    @Test
    void aUserFolderOnTopOfTheValidatedShippedOnesIsCheckedInFull(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("mine.yaml"), BAD);
        KnowledgeException e = assertThrows(KnowledgeException.class, () ->
                KnowledgeLoader.load(List.of(checkout(), KnowledgeSource.userFolder(tmp))));
        String all = e.problems().toString();
        assertTrue(all.contains("bad-regex-symptom: regex"), all);
        assertTrue(all.contains("bad-finding-without-remediation needs at least one remediation step"), all);
        assertTrue(all.contains("bad-finding-without-remediation needs at least one reference"), all);
    }

    /** A copy of the shipped knowledge folder under {@code tmp}, to edit (FormStandsInForItsJarTest uses it too). */
    static Path copyOfKnowledge(Path tmp) throws IOException {
        Path copy = tmp.resolve("knowledge");
        try (Stream<Path> walk = Files.walk(KNOWLEDGE)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(KNOWLEDGE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    @Test
    void aRecordShapeTheReaderDoesNotKnowIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new RecordCodec.Writer(new DataOutputStream(bytes)).write(new Pair("a", 1L));
        // same class name, component renamed: what a form written before a record changed looks like
        byte[] data = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1).replace("left", "lift")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertNotEquals(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1),
                new String(data, java.nio.charset.StandardCharsets.ISO_8859_1));
        RecordCodec.Reader reader = new RecordCodec.Reader(new DataInputStream(new ByteArrayInputStream(data)));
        IOException e = assertThrows(IOException.class, reader::read);
        assertTrue(e.getMessage().contains("another version of " + Pair.class.getName()), e.getMessage());

        Object back = new RecordCodec.Reader(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))).read();
        assertEquals(new Pair("a", 1L), back);
        IOException unsupported = assertThrows(IOException.class, () ->
                new RecordCodec.Writer(new DataOutputStream(new ByteArrayOutputStream())).write(new Object()));
        assertTrue(unsupported.getMessage().contains("java.lang.Object"), unsupported.getMessage());
    }

    /** Every record of the shipped form, decoded once with the direct constructors and once by reflection. */
    @Test
    void directConstructorsBuildWhatReflectionBuildsForTheWholeShippedForm() throws IOException {
        byte[] form;
        try (var in = PrebuiltKnowledge.class.getClassLoader().getResourceAsStream(PrebuiltKnowledge.RESOURCE)) {
            form = in.readAllBytes();
        }
        List<Object> direct = decodeAll(form, true);
        List<Object> reflective = decodeAll(form, false);
        assertEquals(reflective, direct);
        java.util.Set<Class<?>> records = new java.util.HashSet<>();
        direct.forEach(o -> recordClasses(o, records));
        assertTrue(records.size() > 15, records.toString());
        for (Class<?> c : records) {
            assertTrue(KnowledgeRecords.index(c) >= 0, "no direct constructor for " + c.getName()
                    + " in KnowledgeRecords: it decodes by reflection, slowly");
        }
    }

    private static List<Object> decodeAll(byte[] form, boolean directConstructors) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(form));
        in.readInt();
        in.readBoolean();
        RecordCodec.Reader reader = new RecordCodec.Reader(in, directConstructors);
        List<Object> all = new java.util.ArrayList<>();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            all.add(reader.read());
            all.add(in.readLong());
            all.add(in.readLong());
            all.add(reader.read());
        }
        assertEquals(-1, in.read(), "the whole form was read");
        return all;
    }

    private static void recordClasses(Object o, java.util.Set<Class<?>> into) {
        if (o instanceof List<?> l) {
            l.forEach(x -> recordClasses(x, into));
        } else if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                recordClasses(k, into);
                recordClasses(v, into);
            });
        } else if (o != null && o.getClass().isRecord()) {
            into.add(o.getClass());
            for (var c : o.getClass().getRecordComponents()) {
                try {
                    recordClasses(c.getAccessor().invoke(o), into);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** A value that does not fit a direct constructor (null for an int) refuses the form as reflection did. */
    @Test
    void aValueThatDoesNotFitADirectConstructorRefusesTheForm() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(9); // RECORD, described here
        out.writeInt(-1);
        for (String text : new String[] {io.mailflowkb.model.knowledge.SourceLocation.class.getName()}) {
            writeText(out, text);
        }
        out.writeInt(3);
        for (String name : new String[] {"file", "line", "column"}) {
            writeText(out, name);
        }
        out.writeByte(1); // STRING
        writeText(out, "f.yaml");
        out.writeByte(0); // NULL where an int goes
        out.writeByte(0);
        for (boolean direct : new boolean[] {true, false}) {
            RecordCodec.Reader reader = new RecordCodec.Reader(
                    new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), direct);
            IOException e = assertThrows(IOException.class, reader::read, "direct " + direct);
            assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
        }
    }

    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    record Pair(String left, Object right) {
    }
}
