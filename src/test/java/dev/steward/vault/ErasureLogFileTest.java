package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sweep batch's line in the erasure log file, made from ids PostgreSQL wrote out, is the line the mapper writes of
 * the whole tombstone, and reads back as the same tombstone.
 */
class ErasureLogFileTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aBatchLineFromRenderedIdsIsTheMappersLineOfTheTombstone() {
        for (int size : new int[] {0, 1, 3, 2_000}) {
            List<RecordId> records =
                    IntStream.range(0, size).mapToObj(i -> RecordId.random()).toList();
            List<SubjectId> subjects =
                    IntStream.range(0, size).mapToObj(i -> SubjectId.random()).toList();
            // a reason that looks like the lists' places must not be taken for them
            Tombstone tombstone = Tombstone.ofBatch(
                    UUID.randomUUID(),
                    records,
                    subjects,
                    "newsletter",
                    Instant.parse("2026-12-05T10:00:00.123456Z"),
                    "retention: \"records\":[] \"subjects\":[]");
            RenderedTombstone rendered = new RenderedTombstone(tombstone, joined(records), joined(subjects));

            String line = ErasureLogFile.line(JSON, rendered);

            assertThat(line).isEqualTo(JSON.writeValueAsString(tombstone));
            assertThat(JSON.readValue(line, Tombstone.class)).isEqualTo(tombstone);
        }
    }

    @Test
    void aTombstoneWithoutRenderedIdsIsWrittenByTheMapper() {
        Tombstone subject = Tombstone.ofSubject(SubjectId.random(), Instant.now(), "erasure request", true);

        assertThat(ErasureLogFile.line(JSON, RenderedTombstone.of(subject)))
                .isEqualTo(JSON.writeValueAsString(subject));
    }

    @Test
    void thePeopleABatchLeftWithoutRecordsAreOneTombstoneThatReadsBackAndHashesAsWritten() {
        List<SubjectId> people =
                IntStream.range(0, 3).mapToObj(i -> SubjectId.random()).toList();
        Instant at = Instant.parse("2026-12-06T01:00:00.123456Z");
        Tombstone tombstone = Tombstone.ofSubjects(UUID.randomUUID(), people, at, "retention: no record left");

        String line = ErasureLogFile.line(JSON, RenderedTombstone.of(tombstone));
        Tombstone read = JSON.readValue(line, Tombstone.class);

        assertThat(read).isEqualTo(tombstone);
        assertThat(read.wholeSubject()).isTrue();
        assertThat(read.subject()).isNull();
        assertThat(read.erasedSubjects()).containsExactlyElementsOf(people);
        // a replay chains what it read from the file: the same bytes as the sweep chained
        assertThat(ErasureLogRepository.canonical(7, read)).isEqualTo(ErasureLogRepository.canonical(7, tombstone));
        // neither one person's tombstone nor a batch of records with the same people hashes the same
        Tombstone single = new Tombstone(tombstone.id(), people.get(0), null, null, at, tombstone.reason(), null, null);
        Tombstone records = new Tombstone(tombstone.id(), null, List.of(), null, at, tombstone.reason(), people, null);
        assertThat(ErasureLogRepository.canonical(7, tombstone))
                .isNotEqualTo(ErasureLogRepository.canonical(7, single))
                .isNotEqualTo(ErasureLogRepository.canonical(7, records));
    }

    private static String joined(List<?> ids) {
        return ids.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
