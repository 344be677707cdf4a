package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.plugins.input.TextEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encodings and line endings registry text arrives in [S62][S63][S71]. */
class EncodingTest {

    private static final String BODY = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\n"
            + "\"Name\"=\"Grüße\"\r\"Enabled\"=dword:00000001\r\n";

    @TempDir
    Path dir;

    private void readsBack(String file, byte[] bytes) throws IOException {
        RecordingSink s = CollectorHarness.collect(dir, file, bytes);
        assertThat(s.warnings).isEmpty();
        assertThat(s.value("HKLM\\SOFTWARE\\Test", "Name").data()).isEqualTo("Grüße");
        assertThat(s.value("HKLM\\SOFTWARE\\Test", "Name").source().line()).isEqualTo(4);
        assertThat(s.value("HKLM\\SOFTWARE\\Test", "Enabled").source().line()).isEqualTo(5);
    }

    @Test
    void utf8WithBomAndMixedLineEndings() throws IOException {
        readsBack("bom8.reg", RegTreeWriter.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf8WithoutBom() throws IOException {
        readsBack("plain8.reg", BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ansiFallbackWhenNotUtf8() throws IOException {
        readsBack("ansi.reg", BODY.getBytes(TextEncoding.WINDOWS_1252));
    }

    @Test
    void utf16WithAndWithoutBom() throws IOException {
        readsBack("bom16.reg", RegTreeWriter.utf16WithBom(BODY));
        readsBack("nobom16.reg", BODY.getBytes(StandardCharsets.UTF_16LE));
        readsBack("be16.reg", RegTreeWriter.concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, BODY.getBytes(StandardCharsets.UTF_16BE)));
    }
}
