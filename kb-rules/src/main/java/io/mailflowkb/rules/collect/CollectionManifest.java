package io.mailflowkb.rules.collect;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import java.util.List;
import java.util.Optional;

/**
 * The collection manifest: every {@code collect:} item of the loaded knowledge (shipped first, then each user
 * folder), validated. The one source of the generated collection scripts, the missing-evidence "how" texts and the
 * README's manual export list.
 */
public record CollectionManifest(List<CollectItemDefinition> all) {

    /** What an item reads, which decides how each script collects it and which kb option reads the result. */
    public enum Kind { REGISTRY, EVENTS, CMDLET, PROTOCOL_LOG }

    public CollectionManifest {
        all = List.copyOf(all);
    }

    public Optional<CollectItemDefinition> item(String id) {
        return all.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The items with these ids, in the given order; every id must exist (the loader checked). */
    public List<CollectItemDefinition> items(List<String> ids) {
        return ids.stream().map(id -> item(id).orElseThrow()).toList();
    }

    public List<CollectItemDefinition> ofKind(Kind kind) {
        return all.stream().filter(c -> kind(c) == kind).toList();
    }

    public static Kind kind(CollectItemDefinition c) {
        return c.registry() != null ? Kind.REGISTRY : c.events() != null ? Kind.EVENTS
                : c.cmdlet() != null ? Kind.CMDLET : Kind.PROTOCOL_LOG;
    }

    /** Whether the item also saves CLIXML. */
    public static boolean clixml(CollectItemDefinition c) {
        return c.cmdlet() != null && c.cmdlet().clixml() != null;
    }

    /** What goes into Export-Clixml: the cmdlet's objects, or a Select-Object of the listed properties. */
    public static String clixmlPipeline(CollectItemDefinition c) {
        return "properties".equals(c.cmdlet().clixml())
                ? " | Select-Object " + String.join(",", c.cmdlet().properties()) : "";
    }

    /** The Export-Clixml file beside a cmdlet's text file: {@code send-connectors.txt} -> {@code send-connectors.xml}. */
    public static String clixmlFile(CollectItemDefinition c) {
        return c.file().substring(0, c.file().length() - 4) + ".xml";
    }

    /** The transport service's folder below {@code %ExchangeInstallPath%}, where Exchange puts it by default. */
    public static String defaultLogFolder(CollectItemDefinition c) {
        return "TransportRoles\\Logs\\" + ("hub".equals(c.protocolLog().service()) ? "Hub" : "FrontEnd")
                + "\\ProtocolLog\\" + ("send".equals(c.protocolLog().direction()) ? "SmtpSend" : "SmtpReceive");
    }

    /** The Exchange Management Shell cmdlet that knows the configured folder. */
    public static String logServiceCmdlet(CollectItemDefinition c) {
        return "hub".equals(c.protocolLog().service()) ? "Get-TransportService" : "Get-FrontEndTransportService";
    }

    /** The property of {@link #logServiceCmdlet} that holds the folder. */
    public static String logPathProperty(CollectItemDefinition c) {
        return "send".equals(c.protocolLog().direction()) ? "SendProtocolLogPath" : "ReceiveProtocolLogPath";
    }
}
