package io.mailflowkb.rules.knowledge;

import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.model.knowledge.CausedByDefinition;
import io.mailflowkb.model.knowledge.CollectItemDefinition;
import io.mailflowkb.model.knowledge.CollectItemDefinition.CmdletQuery;
import io.mailflowkb.model.knowledge.CollectItemDefinition.EventQuery;
import io.mailflowkb.model.knowledge.CollectItemDefinition.ProtocolLogQuery;
import io.mailflowkb.model.knowledge.ConditionDefinition;
import io.mailflowkb.model.knowledge.ConstraintDefinition;
import io.mailflowkb.model.knowledge.ExampleDefinition;
import io.mailflowkb.model.knowledge.ExchangeBuildDefinition;
import io.mailflowkb.model.knowledge.ExoAddressRangeDefinition;
import io.mailflowkb.model.knowledge.FindingDefinition;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.KnowledgeFile;
import io.mailflowkb.model.knowledge.MissingEvidenceDefinition;
import io.mailflowkb.model.knowledge.PatternDefinition;
import io.mailflowkb.model.knowledge.ReferenceDefinition;
import io.mailflowkb.model.knowledge.SourceLocation;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.knowledge.WindowsReleaseDefinition;
import java.util.List;

/**
 * The canonical constructors of the knowledge records, called directly: {@link RecordCodec} builds the ~1,400
 * records of the shipped form through these instead of {@code Constructor.newInstance}, whose first calls per class
 * (method handles on JDK 18+, generated accessors on 17) were most of decoding the form on a cold JVM
 * (docs/perf.md, Start-up). A record class missing here still decodes, by reflection; a component added to one of
 * these records fails to compile here, so the table cannot go stale silently, and {@code PrebuiltKnowledgeTest} checks
 * that every record of the shipped form comes out equal either way.
 */
final class KnowledgeRecords {

    /** The classes with a direct constructor, by the index {@link #construct} switches on. */
    private static final List<Class<?>> DIRECT = List.of(CausedByDefinition.class, CollectItemDefinition.class,
            EventQuery.class, CmdletQuery.class, ProtocolLogQuery.class, ConditionDefinition.class,
            ConstraintDefinition.class, ExampleDefinition.class, ExchangeBuildDefinition.class,
            ExoAddressRangeDefinition.class, FindingDefinition.class, FixDefinition.class, KnowledgeFile.class,
            MissingEvidenceDefinition.class, PatternDefinition.class, ReferenceDefinition.class, SourceLocation.class,
            StepDefinition.class, SymptomDefinition.class, WindowsReleaseDefinition.class);

    private KnowledgeRecords() {
    }

    /** The index {@link #construct} takes for {@code type}, or -1 when it has to go through reflection. */
    static int index(Class<?> type) {
        return DIRECT.indexOf(type);
    }

    /**
     * A new record of the class at {@code index} from its component values in order. Throws what the cast or the
     * record's own constructor throws (a value of another type, a null primitive): the caller refuses the form.
     */
    @SuppressWarnings("unchecked")
    static Object construct(int index, Object[] a) {
        return switch (index) {
            case 0 -> new CausedByDefinition((List<String>) a[0], (String) a[1]);
            case 1 -> new CollectItemDefinition((String) a[0], (String) a[1], (String) a[2], (EventQuery) a[3],
                    (CmdletQuery) a[4], (ProtocolLogQuery) a[5], (String) a[6], (List<String>) a[7],
                    (SourceLocation) a[8]);
            case 2 -> new EventQuery((String) a[0], (String) a[1]);
            case 3 -> new CmdletQuery((String) a[0], (List<String>) a[1], (String) a[2]);
            case 4 -> new ProtocolLogQuery((String) a[0], (String) a[1]);
            case 5 -> new ConditionDefinition((String) a[0], (String) a[1], (List<PatternDefinition>) a[2],
                    (SourceLocation) a[3]);
            case 6 -> new ConstraintDefinition((String) a[0], (String) a[1], a[2], (List<Object>) a[3],
                    (SourceLocation) a[4]);
            case 7 -> new ExampleDefinition((String) a[0], (String) a[1], (List<String>) a[2], (List<String>) a[3],
                    (List<String>) a[4]);
            case 8 -> new ExchangeBuildDefinition((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (List<String>) a[4]);
            case 9 -> new ExoAddressRangeDefinition((String) a[0], (String) a[1], (SourceLocation) a[2]);
            case 10 -> new FindingDefinition((String) a[0], (Severity) a[1], (Direction) a[2], (String) a[3],
                    (String) a[4], (List<PatternDefinition>) a[5], (List<List<PatternDefinition>>) a[6],
                    (List<StepDefinition>) a[7], (List<ReferenceDefinition>) a[8], (List<FixDefinition>) a[9],
                    (CausedByDefinition) a[10], (SourceLocation) a[11]);
            case 11 -> new FixDefinition((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (List<String>) a[4], (String) a[5]);
            case 12 -> new KnowledgeFile((Integer) a[0], (List<SymptomDefinition>) a[1],
                    (List<FindingDefinition>) a[2], (List<MissingEvidenceDefinition>) a[3],
                    (List<FindingDefinition>) a[4], (List<String>) a[5], (List<ExampleDefinition>) a[6],
                    (List<ExchangeBuildDefinition>) a[7], (List<CollectItemDefinition>) a[8],
                    (List<ConditionDefinition>) a[9], (List<WindowsReleaseDefinition>) a[10],
                    (List<ExoAddressRangeDefinition>) a[11]);
            case 13 -> new MissingEvidenceDefinition((String) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (List<String>) a[4], (List<PatternDefinition>) a[5], (List<List<PatternDefinition>>) a[6],
                    (SourceLocation) a[7]);
            case 14 -> new PatternDefinition((String) a[0], (List<ConstraintDefinition>) a[1], (Boolean) a[2],
                    (Integer) a[3], (String) a[4], (SourceLocation) a[5]);
            case 15 -> new ReferenceDefinition((String) a[0], (String) a[1], (String) a[2]);
            case 16 -> new SourceLocation((String) a[0], (Integer) a[1], (Integer) a[2]);
            case 17 -> new StepDefinition((String) a[0], (List<String>) a[1], (Boolean) a[2], (String) a[3],
                    (Boolean) a[4]);
            case 18 -> new SymptomDefinition((String) a[0], (String) a[1], (List<String>) a[2], (String) a[3],
                    (List<String>) a[4], (String) a[5], (List<ReferenceDefinition>) a[6], (Boolean) a[7],
                    (SourceLocation) a[8]);
            case 19 -> new WindowsReleaseDefinition((String) a[0], (Integer) a[1], (Integer) a[2], (String) a[3],
                    (String) a[4], (String) a[5], (String) a[6], (List<String>) a[7], (String) a[8],
                    (SourceLocation) a[9]);
            default -> throw new IllegalArgumentException("no direct constructor " + index);
        };
    }
}
