package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --live-registry runs reg.exe (Windows only, not here), but what it reads back goes through the shared decoding:
 * the same reg query text in each encoding reg.exe may write decodes to the same string.
 */
class LiveRegistryDecodingTest {

    static final String QUERY = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\r\n"
            + "    ProductName    REG_SZ    Windows Server 2016 Datacenter\r\n"
            + "    RegisteredOrganization    REG_SZ    Müller & Söhne GmbH\r\n\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"windows-1252", "UTF-8", "UTF-16LE+BOM", "UTF-16LE"})
    void regQueryOutputDecodesTheSameInEveryEncoding(String encoding) throws Exception {
        byte[] bytes = switch (encoding) {
            case "UTF-16LE+BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, QUERY.getBytes(StandardCharsets.UTF_16LE));
            default -> QUERY.getBytes(Charset.forName(encoding));
        };
        assertThat(LiveRegistryReader.decode(bytes)).isEqualTo(QUERY);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
