package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCHANNEL's cipher keys are named with a '/' ("RC4 128/128", "Triple DES 168"): an export as regedit writes it
 * (UTF-16LE with BOM, CRLF) keeps the name whole (issue 11: it became "RC4 128\128").
 */
class SlashInKeyNameTest {

    static final String CIPHERS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers";

    @TempDir
    Path dir;

    @Test
    void regeditExportKeepsSlashInKeyNames() throws IOException {
        String text = "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers]\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\RC4 128/128]\r\n"
                + "\"Enabled\"=dword:00000000\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers\\AES 256/256]\r\n"
                + "\"Enabled\"=dword:ffffffff\r\n\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        RecordingSink s = CollectorHarness.collect(dir, "ciphers.reg", bytes);
        assertThat(s.warnings).isEmpty();
        assertThat(s.keys()).extracting(RegistryKey::key).contains(CIPHERS + "\\RC4 128/128", CIPHERS + "\\AES 256/256");
        assertThat(s.values()).extracting(RegistryValue::key).contains(CIPHERS + "\\RC4 128/128")
                .noneMatch(k -> k.endsWith("RC4 128\\128"));
        assertThat(s.value(CIPHERS + "\\RC4 128/128", "Enabled").number()).isEqualTo(0L);
        assertThat(s.value(CIPHERS + "\\RC4 128/128", "Enabled").describe()).contains("RC4 128/128");
    }
}
