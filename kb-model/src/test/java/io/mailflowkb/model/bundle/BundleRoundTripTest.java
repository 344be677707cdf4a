package io.mailflowkb.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: any bundle written as YAML or JSON reads back equal, and writing it again gives the same text. */
class BundleRoundTripTest {

    static Stream<Arguments> seeds() {
        return LongStream.range(0, 400).mapToObj(i -> Arguments.of(0x5eedL * 31 + i));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void yamlRoundTripIsLossless(long seed) {
        FactBundle original = new RandomBundles(seed).next();
        String yaml = BundleCodec.toString(original, BundleCodec.Format.YAML);
        FactBundle read = BundleCodec.read(yaml.getBytes(StandardCharsets.UTF_8), "seed-" + seed);
        assertThat(read).as("bundle read back from:%n%s", yaml).isEqualTo(original);
        assertThat(BundleCodec.toString(read, BundleCodec.Format.YAML)).isEqualTo(yaml);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonRoundTripIsLossless(long seed) {
        FactBundle original = new RandomBundles(seed).next();
        String json = BundleCodec.toString(original, BundleCodec.Format.JSON);
        FactBundle read = BundleCodec.read(json.getBytes(StandardCharsets.UTF_8), "seed-" + seed);
        assertThat(read).isEqualTo(original);
        assertThat(BundleCodec.toString(read, BundleCodec.Format.JSON)).isEqualTo(json);
    }
}
