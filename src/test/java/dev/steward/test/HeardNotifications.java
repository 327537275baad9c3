package dev.steward.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.platform.Notifications;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** What a node hears on one notification channel, as another node would, from the moment it starts listening. */
public final class HeardNotifications {

    private final Queue<String> payloads = new ConcurrentLinkedQueue<>();

    private HeardNotifications() {}

    public static HeardNotifications on(Notifications notifications, String channel) {
        HeardNotifications heard = new HeardNotifications();
        notifications.subscribe(channel, heard::hear);
        return heard;
    }

    /** A lost connection is told with no payload (catch up from the database): nothing to hear then. */
    private void hear(@Nullable String payload) {
        if (payload != null) {
            payloads.add(payload);
        }
    }

    public List<String> payloads() {
        return List.copyOf(payloads);
    }

    /** Waits up to five seconds for what has been heard to satisfy the condition; answers what had been heard. */
    public List<String> awaitUntil(String what, Predicate<List<String>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> heard = payloads();
        while (!condition.test(heard)) {
            assertThat(System.nanoTime()).as(what + " within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
            heard = payloads();
        }
        return heard;
    }
}
