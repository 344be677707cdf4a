package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kb probe's time bounds, seen from the command line, against a peer that accepts and never answers. */
class ProbeCommandTest {

    @Test
    void tarpitEndsWithinTheReplyTimeoutPlusOneSecond() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket tarpit = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!tarpit.isClosed()) {
                        held.add(tarpit.accept()); // accept, then say nothing
                    }
                } catch (Exception ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Kb.run("rules", "list"); // load the knowledge once so the timing below is the probe's
            long start = System.nanoTime();
            Kb kb = Kb.run("probe", "127.0.0.1:" + tarpit.getLocalPort(), "--reply-timeout", "2000", "--format", "json");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("whole kb probe run").isLessThan(2000 + 1000 + 500);
            JsonNode probes = Mappers.json().readTree(kb.out()).get("probes");
            assertThat(probes).hasSize(4);
            probes.forEach(p -> {
                assertThat(p.get("outcome").asText()).isEqualTo("timeout");
                assertThat(p.get("detail").asText()).contains("no reply within 2 s");
            });
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void badTimeoutIsAUsageError() {
        assertThat(Kb.run("probe", "127.0.0.1:1", "--reply-timeout", "5").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
