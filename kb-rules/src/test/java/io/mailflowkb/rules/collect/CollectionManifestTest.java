package io.mailflowkb.rules.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.knowledge.CompiledMissingEvidence;
import io.mailflowkb.rules.knowledge.KnowledgeException;
import io.mailflowkb.rules.knowledge.KnowledgeProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The collection manifest is knowledge: validated as strictly as findings, extendable by a user folder, and the one
 * source of the missing-evidence "how" texts and of the README's manual export list.
 */
class CollectionManifestTest {

    static final Path ROOT = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge")).toAbsolutePath().getParent();
    static final String BEGIN = "<!-- manual-export-list: generated from knowledge/collection/collect.yaml; "
            + "CollectionManifestTest checks it -->\n";
    static final String END = "<!-- end of manual-export-list -->";

    final CollectionManifest shipped = Diagnostician.load().knowledge().collection();

    @Test
    void readmeManualExportListIsTheOneRenderedFromTheManifest() throws Exception {
        String generated = ManualCommands.readmeList(shipped);
        Files.writeString(Path.of("target", "readme-manual-export-list.md"), generated); // to paste when it changed
        String readme = Files.readString(ROOT.resolve("README.md"));
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("README holds the generated block's opening marker").isGreaterThanOrEqualTo(0);
        assertThat(to).as("README holds the closing marker").isGreaterThan(from);
        assertThat(readme.substring(from + BEGIN.length(), to))
                .as("paste ManualCommands.readmeList(manifest) between the markers in README.md")
                .isEqualTo(generated);
    }

    @Test
    void shippedManifestCoversTheKeysTheRegistryReadersUseAndEveryKind() {
        assertThat(shipped.ofKind(CollectionManifest.Kind.REGISTRY)).extracting(CollectItemDefinition::registry)
                .hasSize(13)
                .contains("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL",
                        "HKLM\\SYSTEM\\CurrentControlSet\\Control\\ComputerName\\ComputerName",
                        "HKLM\\SOFTWARE\\Policies\\Microsoft\\SystemCertificates\\AuthRoot");
        assertThat(shipped.ofKind(CollectionManifest.Kind.CMDLET)).extracting(c -> c.cmdlet().name())
                .containsExactly("Get-ExchangeServer", "Get-SendConnector", "Get-ReceiveConnector",
                        "Get-ExchangeCertificate", "Get-HybridConfiguration", "Get-Queue");
        assertThat(shipped.ofKind(CollectionManifest.Kind.EVENTS)).hasSize(1);
        assertThat(shipped.ofKind(CollectionManifest.Kind.PROTOCOL_LOG)).hasSize(4);
    }

    @Test
    void missingEvidenceHowIsRenderedFromTheItemsItNames() {
        CompiledMissingEvidence schannel = Diagnostician.load().knowledge().missingEvidence().stream()
                .filter(m -> m.id().equals("schannel-registry")).findFirst().orElseThrow();
        assertThat(schannel.definition().collect()).containsExactly("schannel");
        assertThat(schannel.definition().how())
                .startsWith("reg export \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\" schannel.reg /y")
                .contains("then add: --registry schannel.reg");
        CompiledMissingEvidence logs = Diagnostician.load().knowledge().missingEvidence().stream()
                .filter(m -> m.id().equals("send-protocol-log")).findFirst().orElseThrow();
        assertThat(logs.definition().how()).contains("Get-TransportService").contains("Get-FrontEndTransportService")
                .contains("--logs SmtpSend-Hub --logs SmtpSend-FrontEnd");
    }

    @Test
    void userFolderAddsItemsAndMissingEvidenceCanUseThem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), """
                knowledgeVersion: 1
                collect:
                  - id: capi2-events
                    what: "CAPI2 operational events"
                    events: {log: Microsoft-Windows-CAPI2/Operational, query: "*[System[(Level=2)]]"}
                    file: capi2.xml
                    findings: [tls-certificate-problem]
                missingEvidence:
                  - id: capi2
                    what: "CAPI2 errors"
                    why: "chain building"
                    collect: [capi2-events, schannel]
                    when:
                      - fact: Symptom
                        where: [{field: id, op: equals, value: tls-failed-unknowncredentials}]
                """);
        var knowledge = Diagnostician.load(List.of(dir)).knowledge();
        assertThat(knowledge.collection().item("capi2-events")).isPresent();
        assertThat(knowledge.collection().all().get(0).id()).as("shipped items first").isEqualTo("schannel");
        assertThat(knowledge.missingEvidence()).filteredOn(m -> m.id().equals("capi2")).singleElement()
                .satisfies(m -> assertThat(m.definition().how()).startsWith(
                        "wevtutil qe Microsoft-Windows-CAPI2/Operational /q:\"*[System[(Level=2)]]\" /f:xml > capi2.xml  and  reg export"));
    }

    @Test
    void unknownKeyIsReportedWithFileLineAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "knowledgeVersion: 1\ncollect:\n  - id: x1\n    what: x\n"
                + "    registry: 'HKLM\\SOFTWARE\\X'\n    file: x.reg\n    regsitry: typo\n");
        assertThat(problems(dir)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message()).startsWith("unknown key 'regsitry'").contains("cmdlet", "protocolLog");
        });
    }

    /** Everything an item holds is written into a script: each value that could break out of it is refused. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            cmdlet that changes the server         | cmdlet: {name: Set-SendConnector, properties: [Fqdn]}\\n    file: x.txt | must be a Get- cmdlet
            cmdlet name with a pipeline            | cmdlet: {name: 'Get-Queue; Remove-Item C:', properties: [Fqdn]}\\n    file: x.txt | must be a Get- cmdlet
            cmdlet without properties              | cmdlet: {name: Get-Queue}\\n    file: x.txt | needs 1 to 50 properties
            property with a subexpression          | cmdlet: {name: Get-Queue, properties: ['$(calc)']}\\n    file: x.txt | property '$(calc)'
            registry key with a quote              | registry: 'HKLM\\SOFTWARE\\X\" & calc & \"'\\n    file: x.reg | must be an HKLM\\ path
            registry key outside HKLM              | registry: 'HKCU\\Software\\X'\\n    file: x.reg | must be an HKLM\\ path
            query with a double quote              | events: {log: System, query: '*\" & calc'}\\n    file: x.xml | events query must be
            query with a percent                   | events: {log: System, query: '*[%PATH%]'}\\n    file: x.xml | events query must be
            log with a redirection                 | events: {log: 'System > x', query: '*'}\\n    file: x.xml | events log
            file name with a path                  | registry: 'HKLM\\SOFTWARE\\X'\\n    file: ..\\x.reg | must be a plain name
            file with the wrong extension          | registry: 'HKLM\\SOFTWARE\\X'\\n    file: x.txt | ending in .reg
            file named like the manifest           | cmdlet: {name: Get-Queue, properties: [Status]}\\n    file: manifest.txt | not manifest.txt
            two sources                            | registry: 'HKLM\\SOFTWARE\\X'\\n    cmdlet: {name: Get-Queue, properties: [Status]}\\n    file: x.reg | exactly one of
            unknown protocol log service           | protocolLog: {service: edge, direction: send}\\n    file: Edge | service must be hub or frontend
            unknown finding                        | registry: 'HKLM\\SOFTWARE\\X'\\n    file: x.reg\\n    findings: [no-such-finding] | unknown finding 'no-such-finding'
            """)
    void hostileOrWrongItemsAreRefused(String what, String body, String expected, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), "knowledgeVersion: 1\ncollect:\n  - id: x1\n    what: x\n    "
                + body.replace("\\n", "\n") + "\n");
        assertThat(problems(dir)).extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:3:5").contains(expected));
    }

    @Test
    void idsAndFilesAreUniqueAndReferencesMustExist(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.yaml"), """
                knowledgeVersion: 1
                collect:
                  - id: schannel
                    what: "again"
                    registry: 'HKLM\\SOFTWARE\\X'
                    file: x.reg
                  - id: other
                    what: "same file as the shipped item"
                    registry: 'HKLM\\SOFTWARE\\Y'
                    file: schannel.reg
                missingEvidence:
                  - id: both
                    what: w
                    why: y
                    how: "by hand"
                    collect: [schannel]
                    when: [{fact: Symptom, where: [{field: id, op: equals, value: x}]}]
                  - id: dangling
                    what: w
                    why: y
                    collect: [nowhere]
                    when: [{fact: Symptom, where: [{field: id, op: equals, value: x}]}]
                """);
        assertThat(problems(dir)).extracting(KnowledgeProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:3:5").contains("collect item schannel is defined twice"))
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:7:5").contains("file 'schannel.reg' is already written by collect item schannel"))
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:12:5").contains("either 'how' or 'collect'"))
                .anySatisfy(p -> assertThat(p).contains("mine.yaml:18:5").contains("unknown collect item 'nowhere'"));
    }

    static List<KnowledgeProblem> problems(Path dir) {
        try {
            Diagnostician.load(List.of(dir));
        } catch (KnowledgeException e) {
            return e.problems();
        }
        throw new AssertionError("knowledge in " + dir + " was accepted");
    }
}
