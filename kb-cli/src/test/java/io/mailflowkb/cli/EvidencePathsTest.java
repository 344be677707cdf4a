package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kb diagnose PATH...}: the same evidence given as loose files, as a folder and as a zip, in every encoding
 * Windows writes, gives the same findings as the per-option form ({@code --registry}, {@code --logs},
 * {@code --events}); files given to the wrong option say what they are; every file is accounted for.
 */
class EvidencePathsTest {

    /** The shipped knowledge folder: shared exports under examples/raw/, each finding's own under findings/ID/. */
    private static final Path KB = Path.of(System.getProperty("kb.knowledge.dir"), "tls-deprecation");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message trace detail as Exchange Online reports a STARTTLS failure (README.md, Inputs and outputs). */
    private static final String TRACE = "\"Date\",\"Event\",\"Action\",\"Detail\",\"Data\",\"MessageTraceId\"\r\n"
            + "\"3/1/2025 10:00:00 AM\",\"Defer\",\"\",\"LED=450 4.4.317 Cannot connect to remote server "
            + "[Message=451 5.7.3 STARTTLS is required to send mail]\",\"\",\"5f1c9f8e-0000-4000-8000-000000000001\"\r\n";

    @TempDir
    Path tmp;

    record Item(String option, String file) {
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("registry exports", List.of(new Item("--registry", "examples/raw/ex01-schannel.reg"),
                        new Item("--registry", "examples/raw/ex01-host.reg"))),
                Arguments.of("reg query output", List.of(new Item("--registry", "findings/tls12-server-disabled/examples/cat-query-tls12-server-off.txt"),
                        new Item("--registry", "findings/tls12-server-disabled/examples/cat-query-host.reg"))),
                Arguments.of("send log and queue text", List.of(new Item("--logs", "examples/raw/logs-socketerror/SEND20240301-1.LOG"),
                        new Item("--logs", "examples/raw/logs-socketerror/get-queue.txt"))),
                Arguments.of("send log UnknownCredentials", List.of(
                        new Item("--logs", "findings/tls-certificate-problem/examples/logs-unknowncredentials/SEND20250301-1.LOG"),
                        new Item("--registry", "examples/raw/ex19-schannel.reg"))),
                Arguments.of("application log", List.of(new Item("--logs", "findings/smtp-auth-legacy-tls/examples/app-log/scanner-smtp.log"))),
                Arguments.of("event export", List.of(new Item("--events", "findings/legacy-peers-after-disable/examples/events/schannel-events-ex19.xml"),
                        new Item("--registry", "examples/raw/ex19-schannel.reg"), new Item("--registry", "examples/raw/ex19-host.reg"))),
                Arguments.of("message trace export", List.of(new Item("--logs", "trace:message-trace.csv"))));
    }

    private Path source(Item i) throws IOException {
        if (i.file().startsWith("trace:")) {
            Path p = tmp.resolve("src").resolve(i.file().substring(6));
            Files.createDirectories(p.getParent());
            Files.writeString(p, TRACE);
            return p;
        }
        return KB.resolve(i.file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void zipFolderAndLooseFilesFindWhatTheOptionsFind(String name, List<Item> items) throws IOException {
        List<String> byOption = new ArrayList<>(List.of("diagnose", "--format", "json"));
        List<String> loose = new ArrayList<>(List.of("diagnose", "--format", "json"));
        for (Item i : items) {
            byOption.add(i.option());
            byOption.add(source(i).toString());
            loose.add(source(i).toString());
        }
        Result expected = diagnose(byOption);
        assertThat(expected.ids()).as("the per-option form finds something").isNotEmpty();
        assertThat(diagnose(loose)).as("loose files").isEqualTo(expected);
        for (Encoding e : Encoding.values()) {
            Path folder = folder(items, e);
            assertThat(diagnose(List.of("diagnose", "--format", "json", folder.toString()))).as("folder, " + e)
                    .isEqualTo(expected);
            assertThat(diagnose(List.of("diagnose", "--format", "json", zip(folder).toString()))).as("zip, " + e)
                    .isEqualTo(expected);
        }
    }

    /** The finding ids and the exit code; with every input read (none skipped). */
    record Result(int exit, TreeSet<String> ids) {
    }

    private static Result diagnose(List<String> args) throws IOException {
        Kb kb = Kb.run(args.toArray(String[]::new));
        assertThat(kb.exit()).as(kb.err()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        JsonNode d = JSON.readTree(kb.out());
        TreeSet<String> ids = new TreeSet<>();
        d.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        d.get("inputs").forEach(i -> assertThat(i.has("skipped")).as(i.toString()).isFalse());
        return new Result(kb.exit(), ids);
    }

    enum Encoding {
        UTF8, UTF8_BOM, UTF16LE_BOM, UTF16LE, UTF16BE_BOM, UTF16BE, WINDOWS_1252;

        byte[] encode(String text) {
            return switch (this) {
                case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
                case UTF8_BOM -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
                case UTF16LE_BOM -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                case UTF16LE -> text.getBytes(StandardCharsets.UTF_16LE);
                case UTF16BE_BOM -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
                case UTF16BE -> text.getBytes(StandardCharsets.UTF_16BE);
                case WINDOWS_1252 -> text.getBytes(Charset.forName("windows-1252"));
            };
        }
    }

    /** The items re-encoded into one evidence folder (sub-folders kept). */
    private Path folder(List<Item> items, Encoding e) throws IOException {
        Path dir = tmp.resolve("evidence-" + e.name().toLowerCase());
        for (Item i : items) {
            Path target = dir.resolve(i.file().startsWith("trace:") ? i.file().substring(6) : i.file());
            Files.createDirectories(target.getParent());
            Files.write(target, e.encode(decode(Files.readAllBytes(source(i)))));
        }
        return dir;
    }

    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE.decode(ByteBuffer.wrap(b, 2, b.length - 2)).toString();
        }
        int skip = b.length >= 3 && (b[0] & 0xFF) == 0xEF ? 3 : 0;
        return StandardCharsets.UTF_8.decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    }

    private static Path zip(Path folder) throws IOException {
        Path z = folder.resolveSibling(folder.getFileName() + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z)); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(f).toString()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return z;
    }

    /** Get-Queue | Format-List > queue.txt in Windows PowerShell 5.1: UTF-16LE with BOM, LastError wrapped at 120. */
    @Test
    void powerShellQueueTextAndResavedSendLogGiveTheirFindings() throws IOException {
        String lastError = "451 4.4.0 Primary target IP address responded with: \"421 4.4.2 Connection dropped due "
                + "to SocketError.\" Attempted failover to alternate host, but that did not succeed. Either there are "
                + "no alternate hosts, or delivery failed to all alternate hosts. The last endpoint attempted was "
                + "104.47.1.10:25";
        Map<String, String> record = new java.util.LinkedHashMap<>();
        record.put("Identity", "EX01\\12");
        record.put("DeliveryType", "SmartHostConnectorDelivery");
        record.put("NextHopDomain", "contoso-com.mail.protection.outlook.com");
        record.put("Status", "Retry");
        record.put("LastError", lastError);
        String printed = formatList(record, 120);
        assertThat(printed.lines().filter(l -> l.startsWith("   ")).count()).as("LastError wraps").isGreaterThan(1);
        Path queue = tmp.resolve("queue.txt");
        Files.write(queue, Encoding.UTF16LE_BOM.encode(printed));
        Result fromPowerShell = diagnose(List.of("diagnose", "--format", "json", "--logs", queue.toString()));
        Path flat = tmp.resolve("queue-flat.txt");
        Files.writeString(flat, formatList(record, 100_000));
        assertThat(fromPowerShell).isEqualTo(diagnose(List.of("diagnose", "--format", "json", "--logs", flat.toString())));
        assertThat(fromPowerShell.ids()).isNotEmpty();

        Path send = tmp.resolve("SEND-resaved.LOG"); // Out-File re-saves a send log as UTF-16LE with BOM
        Files.write(send, Encoding.UTF16LE_BOM.encode(decode(Files.readAllBytes(KB.resolve("findings/tls-certificate-problem/examples/logs-unknowncredentials/SEND20250301-1.LOG")))));
        Result resaved = diagnose(List.of("diagnose", "--format", "json", "--logs", send.toString()));
        assertThat(resaved).isEqualTo(diagnose(List.of("diagnose", "--format", "json", "--logs",
                KB.resolve("findings/tls-certificate-problem/examples/logs-unknowncredentials/SEND20250301-1.LOG").toString())));
        assertThat(resaved.ids()).isNotEmpty();
    }

    /** Format-List as PowerShell 5.1 prints it in an English culture: word wrap, trailing space kept. */
    static String formatList(Map<String, String> record, int width) {
        int pad = record.keySet().stream().mapToInt(String::length).max().orElse(0);
        int column = pad + 3;
        StringBuilder out = new StringBuilder("\r\n");
        record.forEach((k, v) -> {
            StringBuilder line = new StringBuilder(String.format("%-" + pad + "s : ", k));
            int left = width - column;
            String[] words = v.split(" ");
            for (int w = 0; w < words.length; w++) {
                String word = words[w] + (w < words.length - 1 ? " " : "");
                if (word.length() > left && left < width - column) {
                    out.append(line).append("\r\n");
                    line = new StringBuilder(" ".repeat(column));
                    left = width - column;
                }
                line.append(word);
                left -= word.length();
            }
            out.append(line).append("\r\n");
        });
        return out.append("\r\n\r\n").toString();
    }

    @Test
    void aFileGivenToTheWrongOptionSaysWhatItIs() {
        Kb reg = Kb.run("diagnose", "--logs", KB.resolve("examples/raw/ex01-schannel.reg").toString());
        reg.assertOneLineErrorNaming("examples/raw/ex01-schannel.reg");
        assertThat(reg.err()).contains("this is a registry export: pass it without an option or with --registry");

        Kb log = Kb.run("diagnose", "--registry", KB.resolve("examples/raw/logs-socketerror/SEND20240301-1.LOG").toString());
        log.assertOneLineErrorNaming("SEND20240301-1.LOG");
        assertThat(log.err()).contains("this is an Exchange SMTP protocol log: pass it without an option or with --logs");

        Kb events = Kb.run("diagnose", "--logs", KB.resolve("findings/legacy-peers-after-disable/examples/events/schannel-events-ex19.xml").toString());
        events.assertOneLineErrorNaming("schannel-events-ex19.xml");
        assertThat(events.err()).contains("Windows event export").contains("with --events");
    }

    @Test
    void everyFileIsAccountedForWithTheReasonWhenSkipped() throws Exception {
        Path ev = Files.createDirectories(tmp.resolve("ev"));
        Files.copy(KB.resolve("examples/raw/ex01-schannel.reg"), ev.resolve("schannel.reg"));
        Files.write(ev.resolve("screenshot.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3});
        Files.write(ev.resolve("empty.txt"), new byte[0]);
        Process mk = new ProcessBuilder("mkfifo", ev.resolve("pipe").toString()).start();
        boolean fifo = mk.waitFor() == 0;
        Kb kb = Kb.run("diagnose", "--format", "json", ev.toString());
        assertThat(kb.exit()).as(kb.err()).isEqualTo(ExitCode.FINDINGS);
        JsonNode inputs = JSON.readTree(kb.out()).get("inputs");
        Map<String, String> skipped = new java.util.TreeMap<>();
        inputs.forEach(i -> skipped.put(i.get("source").asText(), i.has("skipped") ? i.get("skipped").asText() : null));
        assertThat(skipped.get(ev + "/schannel.reg")).isNull();
        assertThat(skipped.get(ev + "/screenshot.png")).contains("binary content");
        assertThat(skipped.get(ev + "/empty.txt")).isEqualTo("empty file");
        assumeTrue(fifo, "mkfifo is not available here");
        assertThat(skipped.get(ev + "/pipe")).contains("not a regular file (a FIFO)");

        Kb named = Kb.run("diagnose", "--logs", ev.resolve("pipe").toString());
        named.assertOneLineErrorNaming("pipe");
        assertThat(named.err()).contains("not a regular file");
        Kb proc = Kb.run("diagnose", "--logs", "/proc/self/fd");
        proc.assertOneLineErrorNaming("/proc/self/fd");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
