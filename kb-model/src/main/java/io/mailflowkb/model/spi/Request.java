package io.mailflowkb.model.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The plain {@link CollectionRequest}: what the CLI builds for each input option, and what an embedding program
 * or a test builds to run a collector directly.
 */
public record Request(InputKind kind, Path path, String target, String displayName, Map<String, String> options,
                      SymptomSet symptoms, Clock clock, Duration timeLimit, List<EvidenceFile> files)
        implements CollectionRequest {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(30);

    public Request {
        options = options == null ? Map.of() : Map.copyOf(options);
        symptoms = symptoms == null ? SymptomSet.EMPTY : symptoms;
        clock = clock == null ? Clock.systemUTC() : clock;
        timeLimit = timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit;
        files = files == null ? List.of() : List.copyOf(files);
        if (displayName == null) {
            displayName = path != null ? path.toString() : target;
        }
    }

    /** A request without pre-walked files: the collector reads {@code path} (or {@code target}) itself. */
    public Request(InputKind kind, Path path, String target, String displayName, Map<String, String> options,
                   SymptomSet symptoms, Clock clock, Duration timeLimit) {
        this(kind, path, target, displayName, options, symptoms, clock, timeLimit, List.of());
    }

    /** A request for a file or folder, named as given. */
    public static Request forPath(InputKind kind, Path path, SymptomSet symptoms) {
        return new Request(kind, path, null, path.toString(), Map.of(), symptoms, null, null);
    }

    /** A request for a live target such as {@code host:port}. */
    public static Request forTarget(InputKind kind, String target, Map<String, String> options) {
        return new Request(kind, null, target, target, options, SymptomSet.EMPTY, null, null);
    }
}
