package io.mailflowkb.cli.input;

import io.mailflowkb.cli.model.Binding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The raw inputs {@code kb diagnose} and {@code kb collect} take, shared as a picocli mixin ({@link #mixin}) whose
 * model is written in code like theirs ({@link io.mailflowkb.cli.model}).
 */
public final class InputOptions {

    public List<Path> registry = new ArrayList<>();
    public List<Path> logs = new ArrayList<>();
    public List<Path> events = new ArrayList<>();
    public String maxInflated;
    public List<String> probes = new ArrayList<>();
    public boolean liveRegistry;
    public List<String> byCollector = new ArrayList<>();
    public List<Path> pluginPath = new ArrayList<>();
    public Map<String, String> collectorOptions = new LinkedHashMap<>();

    /** These options as a picocli mixin bound to this object's fields, in help order. */
    public CommandSpec mixin() {
        CommandSpec m = CommandSpec.wrapWithoutInspection(this);
        m.addOption(Binding.of(() -> registry, v -> registry = v).bind(OptionSpec.builder("--registry")
                .paramLabel("PATH")
                .description(".reg export (regedit or reg export; UTF-16LE, UTF-8 or ANSI) or saved `reg query` output; "
                    + "a folder or .zip of them."), List.class, Path.class).build());
        m.addOption(Binding.of(() -> logs, v -> logs = v).bind(OptionSpec.builder("--logs").paramLabel("PATH")
                .description("Exchange protocol or tracking log, queue text (Get-Queue | Format-List), NDR, message "
                    + "trace export or any text log, in any Windows encoding; a folder (recursive) or .zip/.gz."),
                List.class, Path.class).build());
        m.addOption(Binding.of(() -> events, v -> events = v).bind(OptionSpec.builder("--events").paramLabel("PATH")
                .description("Windows events: wevtutil qe ... /f:xml, Event Viewer text, Get-WinEvent | ConvertTo-Json; "
                    + "a folder or .zip of them."), List.class, Path.class).build());
        m.addOption(Binding.of(() -> maxInflated, v -> maxInflated = v).bind(OptionSpec.builder("--max-inflated")
                .paramLabel("SIZE")
                .description("Stop inflating archives after SIZE in total (default 4g; e.g. 512m, 16g). Entries per "
                    + "archive (10000), compression ratio (100:1) and nesting (3) are capped too; every skip is listed "
                    + "in inputs."), String.class).build());
        m.addOption(Binding.of(() -> probes, v -> probes = v).bind(OptionSpec.builder("--probe")
                .paramLabel("HOST[:PORT]")
                .description("Probe a live SMTP peer with STARTTLS, one connection per TLS version (never sends mail)."),
                List.class, String.class).build());
        m.addOption(Binding.of(() -> liveRegistry, v -> liveRegistry = v).bind(OptionSpec.builder("--live-registry")
                .description("Read this Windows machine's registry in place (Windows only)."), boolean.class).build());
        m.addOption(Binding.of(() -> byCollector, v -> byCollector = v).bind(OptionSpec.builder("--input")
                .paramLabel("COLLECTOR=PATH")
                .description("Give a file to a collector by id (see `kb plugins`), e.g. a third-party plugin's format."),
                List.class, String.class).build());
        m.addOption(Binding.of(() -> pluginPath, v -> pluginPath = v).bind(OptionSpec.builder("--plugin-path")
                .paramLabel("DIR").description("Folder of collector plugin jars to load besides the built-in ones."),
                List.class, Path.class).build());
        m.addOption(Binding.of(() -> collectorOptions, v -> collectorOptions = v)
                .bind(OptionSpec.builder("--collector-option").paramLabel("NAME=VALUE")
                .description("Option passed to collectors, e.g. replyTimeoutMs=2000."),
                Map.class, String.class, String.class).build());
        return m;
    }

    public boolean isEmpty() {
        return registry.isEmpty() && logs.isEmpty() && events.isEmpty() && probes.isEmpty() && !liveRegistry
                && byCollector.isEmpty();
    }
}
