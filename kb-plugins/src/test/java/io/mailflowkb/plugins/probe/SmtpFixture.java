package io.mailflowkb.plugins.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server on 127.0.0.1 (ephemeral port) that misbehaves in one chosen way. Records every command it
 * receives so tests can assert what the probe did (and did not) send.
 */
final class SmtpFixture implements AutoCloseable {

    static {
        // the fixture's SSLContext is JSSE's first use in the test JVM: let the probe re-enable TLS 1.0/1.1 first
        LegacyTlsSupport.enable();
    }

    enum Mode { TLS, IMPLICIT_TLS, TARPIT, CLOSE_AFTER_BANNER, NO_STARTTLS, STARTTLS_454, JUNK, RESET_IN_HANDSHAKE,
        STALL_IN_HANDSHAKE, REQUIRE_TLS }

    private final Mode mode;
    private final TestCertificates.Kind cert;
    private final String[] protocols;
    private final long bannerDelayMs;
    private final ServerSocket server;
    private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    SmtpFixture(Mode mode) throws IOException {
        this(mode, TestCertificates.Kind.GOOD, new String[] {"TLSv1.2", "TLSv1.3"}, 0);
    }

    SmtpFixture(Mode mode, TestCertificates.Kind cert, String[] protocols, long bannerDelayMs) throws IOException {
        this.mode = mode;
        this.cert = cert;
        this.protocols = protocols;
        this.bannerDelayMs = bannerDelayMs;
        TestCertificates.serverContext(cert); // keytool runs now, not inside a timed handshake
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(this::acceptLoop, "smtp-fixture-" + mode);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** {@code localhost:port} (the certificate names localhost). */
    String target() {
        return "localhost:" + port();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "smtp-fixture-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            if (mode == Mode.TARPIT) {
                s.getInputStream().read(); // never answers; returns when the probe gives up and closes
                return;
            }
            Thread.sleep(bannerDelayMs);
            Conn c = new Conn(s);
            if (mode == Mode.IMPLICIT_TLS) {
                c.startTls(s); // 465 style: TLS before the banner
            }
            if (mode == Mode.JUNK) {
                c.raw("HTTP/1.1 400 Bad Request\r\n\u0000\u00ff garbage\r\n");
                c.reader.readLine();
                return;
            }
            c.raw("220-fixture.kb.test ESMTP test fixture\r\n220-a multi-line banner\r\n220 ready\r\n");
            if (mode == Mode.CLOSE_AFTER_BANNER) {
                return;
            }
            String line;
            while ((line = c.reader.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase();
                switch (verb) {
                    case "EHLO" -> c.raw("250-fixture.kb.test\r\n250-PIPELINING\r\n"
                            + (mode == Mode.NO_STARTTLS || c.tls ? "" : "250-STARTTLS\r\n")
                            + "250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
                    case "STARTTLS" -> {
                        if (mode == Mode.STARTTLS_454) {
                            c.raw("454 4.7.0 TLS not available due to local problem\r\n");
                        } else if (mode == Mode.RESET_IN_HANDSHAKE) {
                            c.raw("220 2.0.0 SMTP server ready\r\n");
                            s.getInputStream().read(new byte[64]); // part of the ClientHello, then RST
                            s.setSoLinger(true, 0);
                            return;
                        } else if (mode == Mode.STALL_IN_HANDSHAKE) {
                            c.raw("220 2.0.0 SMTP server ready\r\n");
                            s.getInputStream().read(new byte[4096]); // takes the ClientHello, never answers
                            s.getInputStream().read();
                            return;
                        } else {
                            c.raw("220 2.0.0 SMTP server ready\r\n");
                            c.startTls(s);
                        }
                    }
                    case "MAIL" -> c.raw(mode == Mode.REQUIRE_TLS && !c.tls
                            ? "530 5.7.0 Must issue a STARTTLS command first\r\n" : "250 2.1.0 Sender OK\r\n");
                    case "RSET" -> c.raw("250 2.0.0 Resetting\r\n");
                    case "QUIT" -> {
                        c.raw("221 2.0.0 Bye\r\n");
                        return;
                    }
                    default -> c.raw("502 5.5.2 Command not implemented\r\n");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the probe closed or reset the connection: expected in many scenarios
        }
    }

    private final class Conn {
        BufferedReader reader;
        OutputStream out;
        boolean tls;

        Conn(Socket s) throws IOException {
            reader = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            out = s.getOutputStream();
        }

        void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        void startTls(Socket plain) throws IOException {
            SSLContext ctx = TestCertificates.serverContext(cert);
            SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
            ssl.setUseClientMode(false);
            ssl.setEnabledProtocols(protocols);
            ssl.startHandshake();
            reader = new BufferedReader(new InputStreamReader(ssl.getInputStream(), StandardCharsets.ISO_8859_1));
            out = ssl.getOutputStream();
            tls = true;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
