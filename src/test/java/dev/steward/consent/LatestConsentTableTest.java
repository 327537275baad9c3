package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LatestConsentTableTest {

    private static final int NEWSLETTER = 0;
    private static final int PROFILING = 1;

    private final LatestConsentTable table = new LatestConsentTable();

    @Test
    void keepsTheEventThatHappenedLastWithTheLedgerOrderBreakingTies() {
        UUID subject = UUID.randomUUID();
        table.putIfLater(subject, NEWSLETTER, consent(5, ConsentAction.GIVEN, 1_000, "v1", "EU"));
        table.putIfLater(subject, NEWSLETTER, consent(7, ConsentAction.WITHDRAWN, 900, "v1", "EU")); // imported late
        assertThat(table.get(subject, NEWSLETTER).seq()).isEqualTo(5);

        table.putIfLater(subject, NEWSLETTER, consent(6, ConsentAction.CONFIRMED, 1_000, "v2", "US-CA"));
        table.putIfLater(subject, NEWSLETTER, consent(4, ConsentAction.OBJECTED, 1_000, "v2", "EU"));
        assertThat(table.get(subject, NEWSLETTER)).isEqualTo(consent(6, ConsentAction.CONFIRMED, 1_000, "v2", "US-CA"));

        table.putIfLater(subject, NEWSLETTER, consent(6, ConsentAction.CONFIRMED, 1_000, "v2", "US-CA"));
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void keepsEachPurposeOfASubjectApart() {
        UUID subject = UUID.randomUUID();
        table.putIfLater(subject, NEWSLETTER, consent(1, ConsentAction.GIVEN, 10, "v1", "EU"));
        table.putIfLater(subject, PROFILING, consent(2, ConsentAction.OBJECTED, 20, "v3", "EU"));

        assertThat(table.get(subject, NEWSLETTER).action()).isEqualTo(ConsentAction.GIVEN);
        assertThat(table.get(subject, PROFILING).action()).isEqualTo(ConsentAction.OBJECTED);
        assertThat(table.get(UUID.randomUUID(), NEWSLETTER)).isNull();
        assertThat(table.get(subject, 2)).isNull();
    }

    @Test
    void holdsManySubjectsAndForgetsErasedOnesWithoutLosingTheirNeighbours() {
        List<UUID> subjects = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            UUID subject = UUID.randomUUID();
            subjects.add(subject);
            table.putIfLater(subject, i % 3, consent(i, ConsentAction.GIVEN, i, "v" + i % 5, "EU"));
        }
        for (int i = 0; i < subjects.size(); i += 3) {
            table.remove(subjects.get(i), i % 3);
        }
        table.remove(UUID.randomUUID(), NEWSLETTER); // not there: nothing happens

        for (int i = 0; i < subjects.size(); i++) {
            LatestConsent found = table.get(subjects.get(i), i % 3);
            if (i % 3 == 0) {
                assertThat(found).isNull();
            } else {
                assertThat(found).isEqualTo(consent(i, ConsentAction.GIVEN, i, "v" + i % 5, "EU"));
            }
        }
        assertThat(table.size()).isEqualTo(200_000 - 66_667);

        // An erased subject who comes back starts afresh, in a reused entry.
        table.putIfLater(subjects.get(0), NEWSLETTER, consent(1, ConsentAction.WITHDRAWN, -5, "v0", "EU"));
        assertThat(table.get(subjects.get(0), NEWSLETTER).action()).isEqualTo(ConsentAction.WITHDRAWN);
    }

    @Test
    void readersSeeWholeEntriesWhileTheTableIsWrittenAndGrows() throws Exception {
        UUID watched = UUID.randomUUID();
        table.putIfLater(watched, NEWSLETTER, consistent(0));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    long reads = 0;
                    long last = 0;
                    while (writing.get() || reads == 0) {
                        LatestConsent seen = table.get(watched, NEWSLETTER);
                        assertThat(seen).isNotNull();
                        // Every field of an entry was written from the same n: a mix of two writes would show.
                        assertThat(seen).isEqualTo(consistent(seen.seq()));
                        assertThat(seen.seq()).isGreaterThanOrEqualTo(last);
                        last = seen.seq();
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> writer = threads.submit(() -> {
                for (int n = 1; n <= 100_000; n++) {
                    table.putIfLater(watched, NEWSLETTER, consistent(n));
                    table.putIfLater(UUID.randomUUID(), n % 7, consistent(n)); // grows pages and rehashes slots
                    if (n % 10 == 0) {
                        table.remove(watched, PROFILING);
                    }
                }
                writing.set(false);
            });
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Long> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(table.get(watched, NEWSLETTER)).isEqualTo(consistent(100_000));
        assertThat(table.size()).isEqualTo(100_001);
    }

    private static LatestConsent consistent(long n) {
        ConsentAction action = ConsentAction.values()[(int) (n % ConsentAction.values().length)];
        return new LatestConsent(n, n, -n, action, n, "v" + n % 11, "J" + n % 4, n * 2);
    }

    private static LatestConsent consent(long seq, ConsentAction action, long occurred, String notice, String where) {
        return new LatestConsent(seq, seq * 31, seq * 17, action, occurred, notice, where, Long.MAX_VALUE);
    }
}
