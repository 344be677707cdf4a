package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.model.bundle.Mappers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found in review: the header said "Server: unknown" although the queue Identity ({@code EX02\42}), the receive
 * connectors and the events' {@code <Computer>} name the server; "Evidence from" mixed time precisions; and the
 * queue's retry times did not count toward the range. The evidence is written here in the shapes Windows writes:
 * {@code Get-Queue | Format-List} (Identity, LastError with its {@code LRT=}, LastRetryTime in the en-US culture)
 * and {@code wevtutil qe System /f:xml} (one event per line, SystemTime with 100 ns digits); the receive
 * connectors are HealthChecker's Get-ReceiveConnector CLIXML fixture (kb-plugins test resources, SOURCES.md there).
 */
class ServerNameHeaderTest {

    static final Path RECEIVE_CONNECTORS = Path.of("..", "kb-plugins", "src", "test", "resources", "healthchecker",
            "E19_GetReceiveConnector.xml");

    @TempDir
    Path tmp;

    static String queue(String server, String queueId, String lastRetry) {
        return "\r\nIdentity                         : " + server + "\\" + queueId + "\r\n"
                + "DeliveryType                     : SmartHostConnectorDelivery\r\n"
                + "NextHopDomain                    : contoso-com.mail.protection.outlook.com\r\n"
                + "Status                           : Retry\r\n"
                + "MessageCount                     : 14\r\n"
                + "LastError                        : [{LED=451 4.4.397 Error communicating with target host. -> 421 "
                + "4.4.2 Connection dropped due to SocketError};{MSG=};{FQDN=contoso-com.mail.protection.outlook.com};"
                + "{IP=104.47.1.10};{LRT=" + lastRetry + "}]\r\n"
                + "RetryCount                       : 3\r\n"
                + "LastRetryTime                    : " + lastRetry + "\r\n"
                + "NextRetryTime                    : 3/1/2024 10:20:00 AM\r\n\r\n";
    }

    static String event(String computer, String systemTime, int record) {
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Schannel'"
                + " Guid='{1f678132-5938-4686-9fdc-c8ff68f15c85}'/><EventID Qualifiers='49152'>36874</EventID>"
                + "<Version>0</Version><Level>2</Level><Task>0</Task><Opcode>0</Opcode>"
                + "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='" + systemTime + "'/>"
                + "<EventRecordID>" + record + "</EventRecordID><Correlation/><Execution ProcessID='712' ThreadID='800'/>"
                + "<Channel>System</Channel><Computer>" + computer + "</Computer><Security UserID='S-1-5-18'/></System>"
                + "<EventData><Data Name='Protocol'>TLS 1.2</Data></EventData></Event>";
    }

    Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static JsonNode host(Path... inputs) throws Exception {
        String[] args = new String[inputs.length + 3];
        args[0] = "diagnose";
        for (int i = 0; i < inputs.length; i++) {
            args[i + 1] = inputs[i].toString();
        }
        args[inputs.length + 1] = "--format";
        args[inputs.length + 2] = "json";
        Kb kb = Kb.run(args);
        assertThat(kb.exit()).as(kb.err()).isNotEqualTo(ExitCode.BAD_INPUT);
        return Mappers.json().readTree(kb.out()).get("host");
    }

    @Test
    void theQueueIdentityNamesTheServerAndSaysSo() throws Exception {
        Path queues = write("queues.txt", queue("EX02", "42", "3/1/2024 10:05:00 AM"));
        JsonNode host = host(queues);
        assertThat(host.get("name").asText()).isEqualTo("EX02");
        assertThat(host.get("nameFrom").asText()).isEqualTo("the queue Identity, " + queues + ":2");
        assertThat(host.has("nameConflict")).isFalse();
        Kb text = Kb.run("diagnose", queues.toString());
        assertThat(text.out().replaceAll("\\s+", " ")).contains("Server: EX02 (from the queue Identity, " + queues + ":2)");
    }

    @Test
    void eventComputerComesBeforeTheQueueAndADisagreementIsSaid() throws Exception {
        Path events = write("schannel-events.xml", event("EX02.contoso.com", "2024-03-01T09:58:01.1234567Z", 4711)
                + "\r\n");
        Path queues = write("queues.txt", queue("EX02", "42", "3/1/2024 10:05:00 AM") + queue("EX03", "7",
                "3/1/2024 10:06:00 AM"));
        JsonNode host = host(events, queues);
        assertThat(host.get("name").asText()).isEqualTo("EX02");
        assertThat(host.get("nameFrom").asText()).isEqualTo("the event Computer, " + events + ":1 record 4711");
        assertThat(host.get("nameConflict").asText()).isEqualTo(queues + ":13 (the queue Identity) names EX03");
    }

    @Test
    void receiveConnectorsOfOneServerNameIt() throws Exception {
        JsonNode host = host(RECEIVE_CONNECTORS);
        assertThat(host.get("name").asText()).isEqualTo("WIN-CTD3L0RGEN4");
        assertThat(host.get("nameFrom").asText()).startsWith("the receive connector WIN-CTD3L0RGEN4\\");
    }

    @Test
    void aHostProfileNameWinsAndAnotherServerInTheQueueIsSaid() throws Exception {
        Path computerName = write("computername.reg", "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName]\r\n"
                + "\"ComputerName\"=\"EX01\"\r\n");
        Path queues = write("queues.txt", queue("EX02", "42", "3/1/2024 10:05:00 AM"));
        JsonNode host = host(computerName, queues);
        assertThat(host.get("name").asText()).isEqualTo("EX01");
        assertThat(host.has("nameFrom")).as("a host profile's name needs no origin note").isFalse();
        assertThat(host.get("nameConflict").asText()).isEqualTo(queues + ":2 (the queue Identity) names EX02");
        assertThat(host(computerName).has("nameConflict")).isFalse();
    }

    /** Events write 100 ns digits, the queue local seconds: the range is one precision, the retry time counts. */
    @Test
    void theEvidenceRangeIsInSecondsAndCountsTheQueueRetryTimes() throws Exception {
        Path events = write("schannel-events.xml", event("EX02.contoso.com", "2024-03-01T09:58:01.1234567Z", 1) + "\r\n"
                + event("EX02.contoso.com", "2024-03-01T09:59:30.5000000Z", 2) + "\r\n");
        JsonNode eventsOnly = host(events);
        assertThat(eventsOnly.get("evidenceFrom").asText()).isEqualTo("2024-03-01T09:58:01Z");
        assertThat(eventsOnly.get("evidenceTo").asText()).isEqualTo("2024-03-01T09:59:30Z");

        Path queues = write("queues.txt", queue("EX02", "42", "3/1/2024 10:05:00 AM"));
        JsonNode both = host(events, queues);
        assertThat(both.get("evidenceFrom").asText()).isEqualTo("2024-03-01T09:58:01Z");
        assertThat(both.get("evidenceTo").asText()).as("the queue's LastRetryTime, local as Get-Queue writes it")
                .isEqualTo("2024-03-01T10:05:00");
        assertThat(Kb.run("diagnose", events.toString(), queues.toString()).out())
                .contains("2024-03-01T09:58:01Z to 2024-03-01T10:05:00 (server local time)");
    }
}
