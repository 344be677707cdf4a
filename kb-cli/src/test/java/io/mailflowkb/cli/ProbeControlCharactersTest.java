package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.text.ControlCharacters;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A peer whose replies hold terminal escapes (ESC ] 0 ; title BEL sets the window title; ESC [ 2 J clears the
 * screen; a C1 CSI; a right-to-left override) must not get them onto the terminal, in any output format.
 */
class ProbeControlCharactersTest {

    static final String HOSTILE = "\u001b]0;pwned\u0007 \u001b[2J \u009b31m \u202eevil";

    /** Answers every connection with a hostile banner, a hostile EHLO reply, and refuses STARTTLS hostilely. */
    static ServerSocket hostilePeer(List<Socket> held) throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    held.add(s);
                    OutputStream out = s.getOutputStream();
                    var in = s.getInputStream();
                    out.write(("220 mx.example " + HOSTILE + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    byte[] buf = new byte[512];
                    if (in.read(buf) > 0) { // EHLO
                        out.write(("250-mx.example " + HOSTILE + "\r\n250 STARTTLS\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    if (in.read(buf) > 0) { // STARTTLS
                        out.write(("454 4.7.0 TLS not available " + HOSTILE + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    s.close();
                }
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"text", "json", "markdown", "html"})
    void peerControlCharactersAreEscapedInEveryFormat(String format) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket peer = hostilePeer(held)) {
            Kb kb = Kb.run("probe", "127.0.0.1:" + peer.getLocalPort(), "--reply-timeout", "3000", "--format", format);
            assertThat(kb.exit()).as(kb.err()).isIn(0, 1);
            String all = kb.out() + kb.err();
            assertThat(all).as("raw controls in the %s output", format)
                    .doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b").doesNotContain("\u202e");
            // the text is still shown, escaped, where the format shows peer text (the probe table's detail, the
            // JSON transcript; Markdown and HTML show only findings, and this peer causes none)
            if (format.equals("text") || format.equals("json")) {
                assertThat(all).contains("x1b]0;pwned");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void escapingKeepsTabsAndPrintableTextAndEscapesC0C1AndBidi() {
        assertThat(ControlCharacters.escape("a\tb é")).isEqualTo("a\tb é");
        assertThat(ControlCharacters.escape(HOSTILE)).isEqualTo("\\x1b]0;pwned\\x07 \\x1b[2J \\x9b31m \\u202eevil");
        assertThat(ControlCharacters.escape("x\u007fy\r\n")).isEqualTo("x\\x7fy\\x0d\\x0a");
    }
}
