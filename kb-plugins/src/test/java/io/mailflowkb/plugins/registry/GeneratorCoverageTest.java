package io.mailflowkb.plugins.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guards the property tests against a generator that quietly stopped producing the hard cases. */
class GeneratorCoverageTest {

    @Test
    void seedsCoverEveryTypeAndAwkwardNames() {
        Set<String> types = new HashSet<>();
        int values = 0;
        boolean quote = false;
        boolean backslash = false;
        boolean nonAscii = false;
        boolean defaultValue = false;
        boolean spaceInKey = false;
        boolean wrapped = false;
        for (long seed = 0x5EED0000L; seed < 0x5EED0000L + 200; seed++) {
            List<RegTreeWriter.Key> tree = RegTreeWriter.randomTree(new Random(seed), "Gen" + seed);
            wrapped |= RegTreeWriter.regFile(tree, false, "  ").contains("\\\n  ");
            for (RegTreeWriter.Key k : tree) {
                spaceInKey |= k.path().substring(k.path().lastIndexOf('\\')).contains(" ");
                for (RegTreeWriter.Value v : k.values()) {
                    values++;
                    types.add(v.type());
                    quote |= v.name().contains("\"") || String.valueOf(v.raw()).contains("\"");
                    backslash |= v.name().contains("\\");
                    nonAscii |= v.name().chars().anyMatch(c -> c > 127);
                    defaultValue |= v.name().isEmpty();
                }
            }
        }
        assertThat(types).containsExactlyInAnyOrder("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD",
                "REG_QWORD", "REG_BINARY", "REG_NONE");
        assertThat(values).isGreaterThan(1000);
        assertThat(List.of(quote, backslash, nonAscii, defaultValue, spaceInKey, wrapped)).containsOnly(true);
    }
}
