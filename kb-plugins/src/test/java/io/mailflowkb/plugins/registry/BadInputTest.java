package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.input.WalkedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that cannot be used at all, and damaged lines that must only warn. */
class BadInputTest {

    @TempDir
    Path dir;

    private InvalidInputException rejects(String name, byte[] bytes) {
        Throwable t = Assertions.catchThrowable(() -> CollectorHarness.collect(dir, name, bytes));
        assertThat(t).isExactlyInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) t;
        assertThat(e.source()).isEqualTo(name);
        assertThat(e.getMessage()).startsWith(name + ":").doesNotContain("\n")
                .as("rejected by a check, not by the safety net for parser bugs")
                .doesNotContain("could not be read as a registry export (");
        return e;
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[10] = 0;
        assertThat(rejects("junk.reg", junk).reason()).contains("binary");
    }

    @Test
    void nulInsideAnOtherwiseFineReg() {
        byte[] text = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"a\"=dword:1\0\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        InvalidInputException e = rejects("nul.reg", text);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.reason()).contains("NUL");
    }

    @Test
    void emptyFiles() {
        assertThat(rejects("empty.reg", new byte[0]).reason()).contains("empty");
        assertThat(rejects("bom-only.reg", new byte[] {(byte) 0xFF, (byte) 0xFE}).reason()).contains("empty");
        assertThat(rejects("blank.reg", "\r\n  \r\n".getBytes(StandardCharsets.US_ASCII)).reason())
                .startsWith("not a registry export");
    }

    @Test
    void truncatedUtf16() {
        byte[] full = CollectorHarness.resource("corpus/reg/PsSsl_schannel.reg");
        InvalidInputException e = rejects("PsSsl-cut.reg", Arrays.copyOf(full, full.length - 1));
        assertThat(e.reason()).contains("truncated").contains("odd");
    }

    @Test
    void utf16ThatDecodesToJunk() {
        byte[] junk = new byte[2000];
        new Random(3).nextBytes(junk);
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xFE;
        rejects("junk16.reg", junk);
    }

    @Test
    void textThatIsNotARegistryExport() {
        InvalidInputException e = rejects("notes.txt", "Hello,\nthis is a mail log\n".getBytes(StandardCharsets.UTF_8));
        assertThat(e.reason()).startsWith("not a registry export").contains("Hello,");
    }

    @Test
    void hugeLineIsSkippedWithAWarning() throws IOException {
        StringBuilder b = new StringBuilder("Windows Registry Editor Version 5.00\n[HKEY_LOCAL_MACHINE\\X]\n\"big\"=\"");
        b.append("A".repeat(10 * 1024 * 1024)).append("\"\n\"ok\"=dword:00000001\n");
        RecordingSink s = CollectorHarness.collect(dir, "huge.reg", b.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(s.value("HKLM\\X", "ok").source().line()).isEqualTo(4);
        assertThat(s.warnings).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("skipped").hasSizeLessThan(400);
        });
    }

    @Test
    void malformedLinesOnlyWarn() throws IOException {
        String text = String.join("\r\n",
                "Windows Registry Editor Version 5.00",
                "\"orphan\"=dword:00000001",
                "[HKEY_LOCAL_MACHINE\\X",
                "\"after broken key\"=dword:00000001",
                "[HKEY_NOWHERE\\X]",
                "[HKEY_LOCAL_MACHINE\\Y]",
                "\"a\"=dword:xyz",
                "\"b\"=qword:1",
                "\"c\"=hex:1,2,zz",
                "\"d\"=hex(4):01,02",
                "\"e\"=\"unterminated",
                "\"f\" dword:1",
                "just words",
                "\"g\"=hex(7):41,00,\\",
                "[HKEY_LOCAL_MACHINE\\Z]",
                "\"ok\"=dword:00000007",
                "");
        RecordingSink s = CollectorHarness.collect(dir, "broken.reg", text.getBytes(StandardCharsets.US_ASCII));
        assertThat(s.values()).singleElement().satisfies(v -> assertThat(v.data()).isEqualTo("7"));
        assertThat(s.warnings).extracting(RecordingSink.Warning::line)
                .containsExactly(2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(s.warnings).allSatisfy(w -> assertThat(w.source()).isEqualTo("broken.reg"));
        // the sink and the report add file and line; the message repeating them read "line 7: broken.reg:7: ..."
        assertThat(s.warnings).allSatisfy(w -> assertThat(w.message()).doesNotContain("broken.reg:"));
    }

    @Test
    void unsupportedHeaderImportsNothing() throws IOException {
        RecordingSink s = CollectorHarness.collect(dir, "v4.reg",
                "Windows Registry Editor Version 4.00\n[HKEY_LOCAL_MACHINE\\X]\n\"a\"=dword:1\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(s.facts).isEmpty();
        assertThat(s.warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("import nothing"));
    }

    @Test
    void recognizesByContent() {
        RegistryCollector c = new RegistryCollector();
        assertThat(claims(c, CollectorHarness.resource("corpus/reg/PsSsl_schannel.reg"))).isTrue();
        assertThat(claims(c, CollectorHarness.resource("corpus/reg/sql-docs-aps_disable-snippet1.reg"))).isTrue();
        assertThat(claims(c, CollectorHarness.resource("corpus/reg/officedocs-support_TLS12-Enable-indented.reg"))).isTrue();
        assertThat(claims(c, CollectorHarness.resource("fixtures/regquery-netfx.txt"))).isTrue();
        assertThat(claims(c, "#Software: Microsoft Exchange Server\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(claims(c, "HKEY_LOCAL_MACHINE is a root\nprose\n".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(c.accepts()).doesNotContain(InputKind.LOGS);
        // a head cut in the middle of a UTF-16 character still sniffs
        byte[] ps = CollectorHarness.resource("corpus/reg/PsSsl_schannel.reg");
        assertThat(claims(c, Arrays.copyOf(ps, 101))).isTrue();
    }

    private static boolean claims(RegistryCollector c, byte[] head) {
        return c.claim(WalkedFile.of("x", head)).claimed();
    }

    @Test
    void liveModeIsWindowsOnly() {
        Assumptions.assumeFalse(LiveRegistryReader.onWindows());
        RegistryCollector c = new RegistryCollector();
        assertThat(c.accepts()).contains(InputKind.REGISTRY, InputKind.LIVE_REGISTRY);
        assertThat(c.unavailableReason()).contains("Windows").endsWith(".");
        assertThatThrownBy(() -> c.collect(Request.forTarget(InputKind.LIVE_REGISTRY, null, Map.of()), new RecordingSink()))
                .isExactlyInstanceOf(InvalidInputException.class).hasMessageContaining("Windows-only");
    }

    @Test
    void registeredAsService() {
        assertThat(ServiceLoader.load(FactCollector.class).stream()
                .map(p -> p.type().getName())).contains(RegistryCollector.class.getName());
    }

    @Test
    void missingFileIsAnIoError() {
        Path missing = dir.resolve("nope.reg");
        assertThatThrownBy(() -> new RegistryCollector().collect(
                new Request(InputKind.REGISTRY, missing, null, "nope.reg", null, null, null, null), new RecordingSink()))
                .isInstanceOf(IOException.class);
        assertThat(Files.exists(missing)).isFalse();
    }
}
