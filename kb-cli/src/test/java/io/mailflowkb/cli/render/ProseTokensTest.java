package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where prose may break: between words, never inside a registry path with spaces or a quoted path. */
class ProseTokensTest {

    @Test
    void aRegistryPathKeepsTheSpacesOfItsKeyNames() {
        assertThat(ProseTokens.of("under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                + "\\Protocols\\TLS 1.2\\Client and \\Server set Enabled"))
                .containsExactly("under", "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                        + "\\Protocols\\TLS 1.2\\Client", "and", "\\Server", "set", "Enabled");
        assertThat(ProseTokens.of("set HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full Release"))
                .containsExactly("set", "HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full", "Release");
    }

    @Test
    void aVersionAfterThePathsLastKeyBelongsToIt() {
        assertThat(ProseTokens.of("the key ...\\SCHANNEL\\Protocols\\TLS 1.2, both roles"))
                .containsExactly("the", "key", "...\\SCHANNEL\\Protocols\\TLS 1.2,", "both", "roles");
        assertThat(ProseTokens.of("Protocols\\<version>\\Client and \\Server: on = Enabled 1"))
                .containsExactly("Protocols\\<version>\\Client", "and", "\\Server:", "on", "=", "Enabled", "1");
    }

    @Test
    void aQuotedPathStaysWholeAndPlainQuotesDoNot() {
        assertThat(ProseTokens.of("run reg query \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" /v x"))
                .containsExactly("run", "reg", "query", "\"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\"",
                        "/v", "x");
        assertThat(ProseTokens.of("HealthChecker calls this \"Half Disabled\" here"))
                .containsExactly("HealthChecker", "calls", "this", "\"Half", "Disabled\"", "here");
    }

    @Test
    void twoPathsJoinedByAWordAndADriveLetterPathStayApart() {
        assertThat(ProseTokens.of("copy C:\\Temp\\kb to C:\\Other\\Place now"))
                .containsExactly("copy", "C:\\Temp\\kb", "to", "C:\\Other\\Place", "now");
        assertThat(ProseTokens.of("(%ExchangeInstallPath%TransportRoles\\Logs\\SmtpReceive, ...\\Hub\\SmtpSend)"))
                .containsExactly("(%ExchangeInstallPath%TransportRoles\\Logs\\SmtpReceive,", "...\\Hub\\SmtpSend)");
        assertThat(ProseTokens.of("HKLM\\A\\B Then HKLM\\C\\D"))
                .containsExactly("HKLM\\A\\B", "Then", "HKLM\\C\\D");
    }

    @Test
    void plainProseIsSplitAtEveryRunOfWhitespace() {
        assertThat(ProseTokens.of("  one two\t three\n four ")).containsExactly("one", "two", "three", "four");
    }
}
