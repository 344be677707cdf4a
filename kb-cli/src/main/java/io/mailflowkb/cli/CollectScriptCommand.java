package io.mailflowkb.cli;

import io.mailflowkb.cli.collect.CmdCollectScript;
import io.mailflowkb.cli.collect.PowerShellCollectScript;
import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.collect.CollectionManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the read-only collection script for the Exchange server, generated from the knowledge's collection
 * manifest (shipped items plus those of any --knowledge folder): one manifest, two shells.
 */
@Command(name = "collect-script", mixinStandardHelpOptions = true,
        description = {"Write the script that collects the evidence on the Exchange server, read-only.",
                "Generated from the knowledge's collection manifest (knowledge/collection/collect.yaml,",
                "plus the collect: items of --knowledge folders): registry keys (reg export), SChannel",
                "events (wevtutil), Exchange cmdlets (Format-List * text, Export-Clixml) and SMTP",
                "protocol logs. Every item ends up as one line of manifest.txt: collected, not present",
                "on this server, or failed with the tool's message. Nothing on the server is changed.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  kb collect-script --shell powershell -o Collect-MailflowEvidence.ps1",
                "      then, in the Exchange Management Shell on the server (elevated):",
                "      Unblock-File .\\Collect-MailflowEvidence.ps1",
                "      powershell -ExecutionPolicy Bypass -File .\\Collect-MailflowEvidence.ps1 -OutputPath C:\\Temp\\kb -LogDays 3",
                "      it prints the zip it wrote; copy it over and run: kb diagnose <zip>",
                "  kb collect-script --shell cmd -o collect-evidence.cmd",
                "      then, in an elevated command prompt: collect-evidence.cmd C:\\Temp\\kb",
                "      Windows built-ins only; copy the folder over and run: kb diagnose <folder>",
                "  kb collect-script --shell cmd --knowledge my-knowledge/   with your own collect: items"})
final class CollectScriptCommand implements Callable<Integer> {

    enum Shell { cmd, powershell }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--shell", required = true, paramLabel = "cmd|powershell",
            description = "cmd: collect-evidence.cmd OUTDIR [LOGDAYS] for cmd.exe; powershell: "
                    + "Collect-MailflowEvidence.ps1 [-OutputPath DIR] [-LogDays N] for the Exchange Management Shell, "
                    + "which also finds the configured protocol log folders and zips the result.")
    Shell shell;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the script to FILE (default: stdout).")
    Path output;

    @Option(names = "--knowledge", paramLabel = "DIR",
            description = "Extra knowledge folder whose collect: items are added; repeatable.")
    List<Path> knowledge = new ArrayList<>();

    @Override
    public Integer call() {
        CollectionManifest manifest = Diagnostician.loadKnowledge(knowledge).collection();
        String text = shell == Shell.cmd ? CmdCollectScript.render(manifest) : PowerShellCollectScript.render(manifest);
        if (output != null && output.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(output.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new InvalidInputException(output.toString(), null,
                        "cannot create its folder: " + e.getMessage(), e);
            }
        }
        Output.write(text, output, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
