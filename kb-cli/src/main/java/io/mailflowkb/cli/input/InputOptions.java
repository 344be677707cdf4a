package io.mailflowkb.cli.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The raw inputs {@code kb diagnose} and {@code kb collect} take, shared as a picocli mixin. */
public final class InputOptions {

    @Option(names = "--registry", paramLabel = "PATH",
            description = ".reg export (regedit or reg export; UTF-16LE, UTF-8 or ANSI) or saved `reg query` output; "
                    + "a folder or .zip of them.")
    public List<Path> registry = new ArrayList<>();

    @Option(names = "--logs", paramLabel = "PATH",
            description = "Exchange protocol or tracking log, queue text (Get-Queue | Format-List), NDR, message trace "
                    + "export or any text log, in any Windows encoding; a folder (recursive) or .zip/.gz.")
    public List<Path> logs = new ArrayList<>();

    @Option(names = "--events", paramLabel = "PATH",
            description = "Windows events: wevtutil qe ... /f:xml, Event Viewer text, Get-WinEvent | ConvertTo-Json; "
                    + "a folder or .zip of them.")
    public List<Path> events = new ArrayList<>();

    @Option(names = "--max-inflated", paramLabel = "SIZE",
            description = "Stop inflating archives after SIZE in total (default 4g; e.g. 512m, 16g). Entries per archive "
                    + "(10000), compression ratio (100:1) and nesting (3) are capped too; every skip is listed in inputs.")
    public String maxInflated;

    @Option(names = "--probe", paramLabel = "HOST[:PORT]",
            description = "Probe a live SMTP peer with STARTTLS, one connection per TLS version (never sends mail).")
    public List<String> probes = new ArrayList<>();

    @Option(names = "--live-registry",
            description = "Read this Windows machine's registry in place (Windows only).")
    public boolean liveRegistry;

    @Option(names = "--input", paramLabel = "COLLECTOR=PATH",
            description = "Give a file to a collector by id (see `kb plugins`), e.g. a third-party plugin's format.")
    public List<String> byCollector = new ArrayList<>();

    @Option(names = "--plugin-path", paramLabel = "DIR",
            description = "Folder of collector plugin jars to load besides the built-in ones.")
    public List<Path> pluginPath = new ArrayList<>();

    @Option(names = "--collector-option", paramLabel = "NAME=VALUE",
            description = "Option passed to collectors, e.g. replyTimeoutMs=2000.")
    public Map<String, String> collectorOptions = new LinkedHashMap<>();

    public boolean isEmpty() {
        return registry.isEmpty() && logs.isEmpty() && events.isEmpty() && probes.isEmpty() && !liveRegistry
                && byCollector.isEmpty();
    }
}
