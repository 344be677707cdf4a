package io.mailflowkb.plugins.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.EvidenceFile;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Progress of a long {@code --logs} read reaches the request's sink ({@code FactSink.progress}), never stderr:
 * a file that declares itself large and reads slowly halfway is reported with its name, the bytes read so far
 * and the total; a small input, or option {@code progress=false}, reports nothing.
 */
class LogProgressTest {

    record Report(String current, long done, long total) {
    }

    /** A text log of {@code lines} lines that says it is {@code declared} bytes and pauses once in the middle. */
    static EvidenceFile slowLog(String name, long declared, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("2026-03-01T10:15:").append(i % 60).append(" relay attempt ").append(i).append(" queued\n");
        }
        byte[] content = b.toString().getBytes(StandardCharsets.US_ASCII);
        return new EvidenceFile() {
            public String name() {
                return name;
            }

            public long size() {
                return declared;
            }

            public byte[] head() {
                return Arrays.copyOf(content, Math.min(content.length, HEAD_LIMIT));
            }

            public String headText() {
                return new String(head(), StandardCharsets.US_ASCII);
            }

            public String encoding() {
                return "UTF-8";
            }

            public InputStream openBytes() {
                return new PausingStream(new ByteArrayInputStream(content), content.length / 2);
            }

            public Reader openText() {
                return new InputStreamReader(openBytes(), StandardCharsets.UTF_8);
            }
        };
    }

    /** Sleeps longer than the report interval once, when {@code at} bytes have been read. */
    static final class PausingStream extends FilterInputStream {
        private long read;
        private final long at;
        private boolean paused;

        PausingStream(InputStream in, long at) {
            super(in);
            this.at = at;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!paused && read >= at) {
                paused = true;
                try {
                    Thread.sleep(Progress.INTERVAL_NANOS / 1_000_000 + 200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = super.read(b, off, Math.min(len, 8192));
            read += Math.max(n, 0);
            return n;
        }
    }

    static List<Report> collect(EvidenceFile file, Map<String, String> options) throws IOException {
        List<Report> reports = new CopyOnWriteArrayList<>();
        CollectingSink sink = new CollectingSink(LogCollector.ID, (c, d, t) -> reports.add(new Report(c, d, t)));
        new LogCollector().collect(new Request(InputKind.LOGS, null, null, file.name(), options,
                TestSymptoms.SEED_SET, null, null, List.of(file)), sink);
        assertThat(sink.inputs()).singleElement().satisfies(i -> assertThat(i.skipped()).isNull());
        return reports;
    }

    @Test
    void aLargeSlowReadIsReportedThroughTheSink() throws IOException {
        EvidenceFile big = slowLog("evidence.zip!/logs/big.log", Progress.MIN_TOTAL, 60_000);
        List<Report> reports = collect(big, Map.of("threads", "1"));
        assertThat(reports).isNotEmpty().allSatisfy(r -> {
            assertThat(r.current()).isEqualTo("evidence.zip!/logs/big.log");
            assertThat(r.total()).isEqualTo(Progress.MIN_TOTAL);
            assertThat(r.done()).isPositive().isLessThan(Progress.MIN_TOTAL);
        });
    }

    @Test
    void smallInputsAndProgressFalseReportNothing() throws IOException {
        assertThat(collect(slowLog("small.log", Progress.MIN_TOTAL - 1, 60_000), Map.of("threads", "1"))).isEmpty();
        assertThat(collect(slowLog("big.log", Progress.MIN_TOTAL, 60_000), Map.of("threads", "1", "progress",
                "false"))).isEmpty();
    }
}
