package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which marks an attempt writes as its items begin: one statement a window, the next window ahead. */
class StartMarksTest {

    final List<List<UUID>> marks = new CopyOnWriteArrayList<>();
    final List<String> markedOn = new CopyOnWriteArrayList<>();
    final ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "marks-ahead"));

    @AfterEach
    void stop() {
        ahead.shutdownNow();
    }

    @Test
    void freshItemsAreMarkedAWindowAtATimeTheNextOneAheadOnTheOtherThread() {
        int window = StartMarks.WINDOW;
        List<OutboundItem> items = items(2 * window + 20, 0);
        StartMarks starts = new StartMarks(items, this::mark, ahead);

        assertThat(starts.begin(items.get(0))).isTrue();
        assertThat(marks).as("the first window, then the next one ahead").hasSizeBetween(1, 2);
        assertThat(marks.get(0)).isEqualTo(ids(items.subList(0, StartMarks.WINDOW)));
        for (OutboundItem item : items) {
            assertThat(starts.begin(item)).isTrue();
        }

        assertThat(marks)
                .containsExactly(
                        ids(items.subList(0, window)),
                        ids(items.subList(window, 2 * window)),
                        ids(items.subList(2 * window, 2 * window + 20)));
        String worker = Thread.currentThread().getName();
        assertThat(markedOn).containsExactly(worker, "marks-ahead", "marks-ahead");
    }

    @Test
    void anItemInterruptedBeforeIsMarkedAloneJustBeforeItGoesNeverAhead() {
        List<OutboundItem> items = new ArrayList<>(items(3, 1));
        items.addAll(items(4, 0));
        StartMarks starts = new StartMarks(items, this::mark, ahead);

        starts.begin(items.get(0));
        assertThat(marks).containsExactly(List.of(items.get(0).id()));
        starts.begin(items.get(2));
        // the fresh window after item 2 is marked ahead on the other thread, so it may already be there, or arrive
        // while this reads: a copy, since a CopyOnWriteArrayList's sub-list fails once the list changes under it
        assertThat(List.copyOf(marks).subList(0, 2))
                .containsExactly(
                        List.of(items.get(0).id()), List.of(items.get(2).id()));
        starts.begin(items.get(3));
        starts.begin(items.get(6));

        assertThat(marks).hasSize(3).endsWith(ids(items.subList(3, 7)));
        assertThat(marks)
                .as("the one in between was left out: never marked")
                .noneMatch(window -> window.contains(items.get(1).id()));
        String worker = Thread.currentThread().getName();
        assertThat(markedOn)
                .as("the fresh window after it is marked ahead while it goes")
                .containsExactly(worker, worker, "marks-ahead");
    }

    @Test
    void anItemTheLeaseNoLongerHoldsMustNotGo() {
        List<OutboundItem> items = items(3, 0);
        UUID lost = items.get(1).id();
        StartMarks starts = new StartMarks(
                items, window -> window.stream().filter(id -> !id.equals(lost)).toList(), Runnable::run);

        assertThat(items).extracting(starts::begin).containsExactly(true, false, true);
    }

    private List<UUID> mark(List<UUID> window) {
        marks.add(window);
        markedOn.add(Thread.currentThread().getName());
        return window;
    }

    private static List<OutboundItem> items(int count, int interrupted) {
        return IntStream.range(0, count)
                .mapToObj(i -> new OutboundItem(UUID.randomUUID(), interrupted, interrupted))
                .toList();
    }

    private static List<UUID> ids(List<OutboundItem> items) {
        return items.stream().map(OutboundItem::id).toList();
    }
}
