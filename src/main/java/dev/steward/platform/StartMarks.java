package dev.steward.platform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the items of one attempt as started in the queue before they go out ({@link #begin}), so that a node that dies
 * leaves behind which of its items may have reached the other side: only those count as interrupted when their lease
 * ends, and the items claimed but never started (the rest of the chunk, the chunk claimed ahead) come back as untried
 * work however often nodes die.
 *
 * <p>WHY in windows, and the next one ahead: a mark is a statement and a commit (durable before the item goes, or a
 * crash could hide an attempt that went out), and one per item would put a commit on every message's path. Fresh
 * items are marked {@value #WINDOW} at a time, the next window while the one before goes out, so that the worker
 * waits for one commit per chunk; a crash then counts at most two windows of items as interrupted that had not started
 * yet. An item already interrupted once is marked alone and only just before it goes: a second interruption gives it
 * up, so it is counted only when its own attempt began.
 */
public final class StartMarks {

    /**
     * Fresh items marked by one statement. WHY 100: a campaign's chunk of 200 then takes two marks, the first on the
     * worker's path and the second ahead, where 50 took four; each is a statement and a commit (bench/README.md,
     * campaign8). The price is the bound above: a crash may count up to 200 items a worker as interrupted that had not
     * gone out (counted only: such an item is given up only if its own attempt began after that).
     */
    static final int WINDOW = 100;

    private static final Logger log = LoggerFactory.getLogger(StartMarks.class);

    private final List<OutboundItem> items;
    private final Function<List<UUID>, List<UUID>> mark;
    private final Executor ahead;
    private final Set<UUID> held = new HashSet<>();
    /** The marks of the items before this position are known ({@link #held}). */
    private int known;
    /** The last item begun was found at this position: items are begun in their order, some left out. */
    private int cursor;
    /** The mark of the items from {@link #known} to {@link #pendingEnd}, under way on another thread. */
    private @Nullable CompletableFuture<List<UUID>> pending;

    private int pendingEnd;

    StartMarks(List<OutboundItem> items, Function<List<UUID>, List<UUID>> mark, Executor ahead) {
        this.items = items;
        this.mark = mark;
        this.ahead = ahead;
    }

    /**
     * Marks the item as started, if its window was not marked yet, just before it goes out: answers whether the lease
     * still holds it. An item not held must not be attempted (another node claimed it, or the mark failed); it is left
     * out of the attempt's answer and goes back to the queue.
     */
    public boolean begin(OutboundItem item) {
        int at = position(item);
        if (at < 0) {
            // not one of the attempt's items in their order: marked on its own
            return markNow(List.of(item.id())).contains(item.id());
        }
        while (at >= known) {
            CompletableFuture<List<UUID>> window = pending;
            if (window != null) {
                held.addAll(await(window));
                known = pendingEnd;
                pending = null;
            } else {
                // the items passed over were left out of the attempt: they need no mark
                known = at;
                int end = windowEnd(known);
                held.addAll(markNow(ids(known, end)));
                known = end;
            }
        }
        markNextAhead();
        return held.contains(item.id());
    }

    /** Starts marking the window after the last one marked, unless it begins with an item interrupted before. */
    private void markNextAhead() {
        if (pending != null || known >= items.size() || items.get(known).resumed()) {
            return;
        }
        int end = windowEnd(known);
        List<UUID> window = ids(known, end);
        try {
            pending = CompletableFuture.supplyAsync(() -> mark.apply(window), ahead);
            pendingEnd = end;
        } catch (RejectedExecutionException e) {
            // the node is stopping: the window is marked when its first item begins, if it does
        }
    }

    private int windowEnd(int from) {
        if (items.get(from).resumed()) {
            return from + 1;
        }
        int end = from + 1;
        while (end < items.size() && end - from < WINDOW && !items.get(end).resumed()) {
            end++;
        }
        return end;
    }

    private int position(OutboundItem item) {
        for (int at = cursor; at < items.size(); at++) {
            if (items.get(at).id().equals(item.id())) {
                cursor = at;
                return at;
            }
        }
        return -1;
    }

    private List<UUID> ids(int from, int to) {
        return items.subList(from, to).stream().map(OutboundItem::id).toList();
    }

    /**
     * WHY a failure is not thrown: the items sent before it have their results, which the attempt must still answer;
     * the items not marked do not go, and come back untried.
     */
    private List<UUID> markNow(List<UUID> window) {
        try {
            return mark.apply(window);
        } catch (RuntimeException e) {
            log.error(
                    "Marking outbound items as started failed: {}", e.getClass().getName());
            return List.of();
        }
    }

    private static List<UUID> await(CompletableFuture<List<UUID>> window) {
        try {
            return window.join();
        } catch (RuntimeException e) {
            // the database gone: none of the window is marked, so none of it goes out
            log.error(
                    "Marking outbound items as started failed: {}", e.getClass().getName());
            return List.of();
        }
    }
}
