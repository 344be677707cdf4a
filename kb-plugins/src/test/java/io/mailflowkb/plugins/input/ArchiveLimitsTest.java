package io.mailflowkb.plugins.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.logs.LogCollector;
import io.mailflowkb.plugins.logs.TestSymptoms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive reproducers of issue 12 item 3, built here at run time (nothing big is committed): each ends with
 * the right {@code inputs} entry after inflating only what the caps allow. Assertions are on what happened (bytes
 * inflated, skip reasons); the timeout is only a watchdog against a hang.
 */
@Timeout(300)
class ArchiveLimitsTest {

    @TempDir
    Path dir;

    private static final byte[] LINE = "2024-03-01T10:00:00.000Z,EX01\\Internet,08DC3A,1,10.0.0.1:25,104.47.1.10:25,<,421 4.4.2 Connection dropped due to SocketError,\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    private Path zip(String name, Content... entries) throws IOException {
        Path z = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            out.setLevel(Deflater.BEST_COMPRESSION); // what a bomb maker uses: the highest ratio
            for (int i = 0; i < entries.length; i++) {
                out.putNextEntry(new ZipEntry("entry-" + i + ".log"));
                entries[i].write(out);
                out.closeEntry();
            }
        }
        return z;
    }

    private static Content repeat(byte[] unit, long total) {
        return out -> {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < block.length; i++) {
                block[i] = unit[i % unit.length];
            }
            for (long done = 0; done < total; done += block.length) {
                out.write(block, 0, (int) Math.min(block.length, total - done));
            }
        };
    }

    private record Run(List<InputSummary> inputs, EvidenceWalker.Tally tally) {
    }

    private Run walkAndRead(Path root, Map<String, String> options) throws IOException {
        CollectingSink sink = new CollectingSink("logs");
        EvidenceWalker.Tally tally;
        try (EvidenceWalker w = new EvidenceWalker(WalkLimits.from(options), sink)) {
            List<EvidenceFile> files = new ArrayList<>();
            w.walk(root, root.getFileName().toString(), files::add);
            if (!files.isEmpty()) { // an empty list would mean "read the path yourself"
                new LogCollector().collect(new Request(InputKind.LOGS, root, null, root.getFileName().toString(),
                    Map.of("threads", "1", "progress", "false"), TestSymptoms.SEED_SET, null, null, files), sink);
            }
            tally = w.tally();
        }
        return new Run(sink.inputs(), tally);
    }

    private static InputSummary input(Run run, String suffix) {
        return run.inputs().stream().filter(i -> i.source().endsWith(suffix)).findFirst().orElseThrow(() ->
                new AssertionError("no input " + suffix + " in " + run.inputs()));
    }

    @Test
    void zipOfZerosIsCalledBinaryFromItsFirstBytes() throws IOException {
        long size = 2200L << 20; // 2.2 GB of zeros, as in the reproducer
        Path z = zip("zeros.zip", repeat(new byte[] {0}, size));
        Run run = walkAndRead(z, Map.of());
        assertThat(input(run, "entry-0.log").skipped()).contains("binary");
        assertThat(run.tally().inflatedBytes()).as("only the head was inflated").isLessThan(1L << 20);
    }

    @Test
    void textBombStopsAtTheRatioCap() throws IOException {
        long size = 600L << 20; // repetitive text: ~400:1
        Path z = zip("text.zip", repeat(LINE, size));
        long compressed = Files.size(z);
        Run run = walkAndRead(z, Map.of());
        InputSummary entry = input(run, "entry-0.log");
        assertThat(entry.warnings()).anySatisfy(w -> assertThat(w).contains("read stopped")
                .contains("inflates to more than 100 times"));
        assertThat(run.tally().inflatedBytes()).isLessThan(100 * compressed + (3L << 20)).isLessThan(size / 2);
    }

    @Test
    void gzipBombStopsAtTheRatioCapToo() throws IOException {
        Path gz = dir.resolve("SEND1.LOG.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16)) {
            repeat(LINE, 600L << 20).write(out);
        }
        Run run = walkAndRead(gz, Map.of());
        assertThat(input(run, "SEND1.LOG.gz").warnings()).anySatisfy(w -> assertThat(w).contains("inflates to more than"));
        assertThat(run.tally().inflatedBytes()).isLessThan(100 * Files.size(gz) + (3L << 20));
    }

    @Test
    void totalInflatedCapIsAnOptionAndNamesItself() throws IOException {
        Random r = new Random(5);
        Content[] entries = new Content[6];
        for (int i = 0; i < entries.length; i++) {
            byte[] text = new byte[3 << 20];
            for (int k = 0; k < text.length; k++) {
                text[k] = (byte) (k % 97 == 96 ? '\n' : 'a' + r.nextInt(26)); // ~1.7:1, far below the ratio cap
            }
            entries[i] = out -> out.write(text);
        }
        Path z = zip("many.zip", entries);
        Run run = walkAndRead(z, Map.of("maxInflated", "8m"));
        assertThat(run.inputs()).anySatisfy(i -> assertThat(String.valueOf(i.skipped()) + i.warnings())
                .contains("inflated past the cap of 8 MB").contains("--max-inflated"));
        assertThat(run.tally().inflatedBytes()).isLessThan((8L << 20) + (1L << 18));
    }

    @Test
    void entryCountAndNestingDepthAreCapped() throws IOException {
        Content[] tiny = new Content[30];
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] = out -> out.write(LINE);
        }
        Run many = walkAndRead(zip("tiny.zip", tiny), Map.of("maxEntries", "10"));
        assertThat(many.inputs().stream().filter(i -> i.skipped() == null)).hasSize(10);
        assertThat(many.inputs()).anySatisfy(i -> assertThat(i.skipped()).contains("more than 10 entries"));

        Path inner = zip("level4.zip", out -> out.write(LINE));
        for (int level = 3; level >= 1; level--) {
            byte[] bytes = Files.readAllBytes(inner);
            inner = zip("level" + level + ".zip", out -> out.write(bytes));
        }
        Run deep = walkAndRead(inner, Map.of());
        assertThat(deep.inputs()).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("level1.zip!/entry-0.log!/entry-0.log!/entry-0.log");
            assertThat(i.skipped()).contains("nested more than 3 deep");
        });
        Run allowed = walkAndRead(inner, Map.of("maxDepth", "4"));
        assertThat(allowed.inputs()).singleElement().satisfies(i -> {
            assertThat(i.skipped()).isNull();
            assertThat(i.collector()).isEqualTo("logs");
        });
    }
}
