package io.mailflowkb.rules.collect;

import io.mailflowkb.model.knowledge.CollectItemDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The by-hand form of each collection manifest item: the exact command an admin types on the server. Missing
 * evidence "how" texts and the README's manual export list are rendered here, from the same items the collection
 * scripts loop over, so the three cannot say different things.
 */
public final class ManualCommands {

    private ManualCommands() {
    }

    /** The command for one item, as typed in cmd.exe (registry, events) or the Exchange Management Shell. */
    public static String command(CollectItemDefinition c) {
        return switch (CollectionManifest.kind(c)) {
            case REGISTRY -> "reg export \"" + c.registry() + "\" " + c.file() + " /y";
            case EVENTS -> "wevtutil qe " + c.events().log() + " /q:\"" + c.events().query() + "\" /f:xml > " + c.file();
            case CMDLET -> c.cmdlet().name() + " | Format-List * | Out-String -Width 4096 | Out-File -Encoding utf8 "
                    + c.file() + (CollectionManifest.clixml(c) ? "; " + c.cmdlet().name() + CollectionManifest.clixmlPipeline(c)
                    + " | Export-Clixml -Encoding UTF8 -Path "
                    + CollectionManifest.clixmlFile(c) : "");
            case PROTOCOL_LOG -> "copy the last days' files of (" + CollectionManifest.logServiceCmdlet(c) + ")."
                    + CollectionManifest.logPathProperty(c) + " (by default %ExchangeInstallPath%"
                    + CollectionManifest.defaultLogFolder(c) + ") into a folder " + c.file() + " (TLS lines need Set-"
                    + ("send".equals(c.protocolLog().direction()) ? "Send" : "Receive")
                    + "Connector <name> -ProtocolLoggingLevel Verbose)";
        };
    }

    /** How kb reads what the item produced. */
    public static String input(CollectItemDefinition c) {
        return switch (CollectionManifest.kind(c)) {
            case REGISTRY -> "--registry " + c.file();
            case EVENTS -> "--events " + c.file();
            case PROTOCOL_LOG -> "--logs " + c.file();
            case CMDLET -> c.file();
        };
    }

    /** A missing-evidence "how": the commands for the items, then the kb command that reads their output. */
    public static String how(List<CollectItemDefinition> items) {
        List<String> commands = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (CollectItemDefinition c : items) {
            commands.add(command(c));
            inputs.add(input(c));
        }
        return String.join("  and  ", commands) + "   then add: " + String.join(" ", inputs)
                + "   (the script from kb collect-script collects all of it)";
    }

    /**
     * The README's manual export list (the fallback when the collection script cannot run), as Markdown: the
     * cmd.exe commands in one block, the Exchange Management Shell commands in another, then the log folders.
     */
    public static String readmeList(CollectionManifest manifest) {
        StringBuilder b = new StringBuilder("```bat\n");
        for (CollectItemDefinition c : manifest.all()) {
            CollectionManifest.Kind k = CollectionManifest.kind(c);
            if (k == CollectionManifest.Kind.REGISTRY || k == CollectionManifest.Kind.EVENTS) {
                b.append(command(c)).append('\n');
            }
        }
        b.append("```\n\nIn the Exchange Management Shell:\n\n```powershell\n");
        manifest.ofKind(CollectionManifest.Kind.CMDLET).forEach(c -> b.append(command(c)).append('\n'));
        b.append("```\n\nProtocol logs:\n\n");
        manifest.ofKind(CollectionManifest.Kind.PROTOCOL_LOG).forEach(c -> b.append("- `").append(c.file())
                .append("`: ").append(command(c)).append('\n'));
        return b.toString();
    }
}
