package io.mailflowkb.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundleCodecErrorsTest {

    private static InvalidInputException fail(String text) {
        return fail(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidInputException fail(byte[] bytes) {
        try {
            BundleCodec.read(bytes, "bad.yaml");
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("expected an InvalidInputException");
    }

    @Test
    void binaryJunkNamesTheFile() {
        InvalidInputException e = fail(new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
        assertThat(e.getMessage()).startsWith("bad.yaml: ").contains("binary");
    }

    @Test
    void invalidYamlGivesTheLine() {
        InvalidInputException e = fail("schemaVersion: 1\nregistry:\n  - {key: [unclosed\n");
        assertThat(e.source()).isEqualTo("bad.yaml");
        assertThat(e.line()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void unknownSchemaVersionIsRefused() {
        assertThat(fail("schemaVersion: 7\n").getMessage()).contains("unsupported bundle schemaVersion 7");
        assertThat(fail("registry: []\n").getMessage()).contains("no schemaVersion");
    }

    @Test
    void unknownKeyIsAnError() {
        InvalidInputException e = fail("schemaVersion: 1\nregistri: []\n");
        assertThat(e.getMessage()).contains("unknown key 'registri'");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void invalidFactIsAnErrorNotACrash() {
        InvalidInputException e = fail("schemaVersion: 1\nregistry:\n  - {key: 'HKLM\\X', name: Enabled, type: REG_DWORD,"
                + " data: 'zero', source: {source: a.reg, line: 3}}\n");
        assertThat(e.getMessage()).contains("needs a number");
    }

    @Test
    void emptyAndUtf16AreExplained() {
        assertThat(fail("  \n").getMessage()).contains("empty");
        assertThat(fail(new byte[] {(byte) 0xff, (byte) 0xfe, 'W', 0}).getMessage()).contains("UTF-16");
    }

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesGiveABundleOrAnInputError(long seed) {
        Random r = new Random(seed);
        byte[] valid = BundleCodec.toString(new RandomBundles(seed).next(), BundleCodec.Format.YAML)
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = r.nextBoolean() ? new byte[r.nextInt(200)] : valid.clone();
        if (bytes != valid && bytes.length > 0 && r.nextBoolean()) {
            r.nextBytes(bytes);
        } else if (bytes.length > 0) {
            for (int i = r.nextInt(5); i >= 0; i--) {
                bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(128);
            }
        }
        try {
            BundleCodec.read(bytes, "fuzz.yaml");
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n");
        }
    }

    @Test
    void truncatedBundleIsAnInputError() {
        String yaml = BundleCodec.toString(new RandomBundles(42).next(), BundleCodec.Format.JSON);
        assertThatThrownBy(() -> BundleCodec.read(yaml.substring(0, yaml.length() / 2).getBytes(StandardCharsets.UTF_8),
                "cut.json")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("cut.json");
    }
}
