package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files of generated scripts (kb-cli/src/test/resources/golden, CRLF kept: see .gitattributes there). Each
 * golden file was reviewed line by line when it was written; a difference fails and leaves the new text in
 * target/golden-actual/ for review, never overwriting the golden file.
 */
final class Golden {

    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws Exception {
        Path actualFile = Path.of("target", "golden-actual", name);
        Files.createDirectories(actualFile.getParent());
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        Path golden = DIR.resolve(name);
        assertThat(golden).as("golden file %s (review %s, then copy it there)", golden, actualFile).exists();
        assertThat(actual).as("%s differs from the golden file; the new text is in %s", name, actualFile)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
