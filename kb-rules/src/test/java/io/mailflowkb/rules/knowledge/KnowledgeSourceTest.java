package io.mailflowkb.rules.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.rules.Diagnostician;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way a run's knowledge folders are chosen ({@link KnowledgeSource#forFolders}), whoever asks. */
class KnowledgeSourceTest {

    static final Path CHECKOUT = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge")).toAbsolutePath();

    @Test
    void noFoldersMeansThePackagedKnowledgeAlone() {
        List<KnowledgeSource> sources = KnowledgeSource.forFolders(List.of());
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).shipped()).isTrue();
        assertThat(sources.get(0).label()).isEqualTo("knowledge");
        assertThat(sources.get(0).root()).isNotEqualTo(CHECKOUT); // the build's copy, not the folder tests point at
    }

    @Test
    void userFoldersComeAfterThePackagedKnowledgeInOrder(@TempDir Path a, @TempDir Path b) {
        assertThat(KnowledgeSource.forFolders(List.of(a, b))).extracting(KnowledgeSource::root, KnowledgeSource::shipped)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KnowledgeSource.forFolders(List.of()).get(0).root(), true),
                        org.assertj.core.groups.Tuple.tuple(a, false), org.assertj.core.groups.Tuple.tuple(b, false));
    }

    @Test
    void aCheckoutsKnowledgeFolderFirstStandsInForThePackagedCopy(@TempDir Path user) throws Exception {
        assertThat(Files.isRegularFile(CHECKOUT.resolve(KnowledgeSource.SHIPPED_MARKER))).isTrue();
        List<KnowledgeSource> sources = KnowledgeSource.forFolders(List.of(CHECKOUT, user));
        assertThat(sources).extracting(KnowledgeSource::root).containsExactly(CHECKOUT, user);
        assertThat(sources).extracting(KnowledgeSource::shipped).containsExactly(true, false);
        // and every entry point takes it the same way: no finding is defined twice
        assertThat(Diagnostician.loadKnowledge(List.of(CHECKOUT)).findings())
                .hasSameSizeAs(Diagnostician.loadKnowledge(List.of()).findings());
    }

    @Test
    void theMarkerOnlyCountsInTheFirstFolder(@TempDir Path user) {
        // a second shipped-looking folder is a user folder: loading it redefines every shipped id, which is an error
        List<KnowledgeSource> sources = KnowledgeSource.forFolders(List.of(user, CHECKOUT));
        assertThat(sources).extracting(KnowledgeSource::shipped).containsExactly(true, false, false);
    }
}
