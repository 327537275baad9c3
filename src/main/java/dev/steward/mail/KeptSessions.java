package dev.steward.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.net.Socket;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * SMTP sessions kept open for a moment after a batch, so that the next batch (a campaign's worker claims one chunk
 * after another, some tens of milliseconds apart) goes on over the same session instead of connecting, greeting and
 * saying EHLO again, with the server starting a session of its own each time. A session idle longer than {@link
 * #IDLE} is closed: far within the five minutes a server waits for its client (RFC 5321, 4.5.3.2.7), so that a kept
 * session is never one the server has dropped meanwhile.
 */
final class KeptSessions implements AutoCloseable {

    static final Duration IDLE = Duration.ofSeconds(2);

    /** A connected session and the sockets under it, which a lease's guard closes to cut it off. */
    record Kept(Transport transport, List<Socket> sockets, long since) {}

    private final Deque<Kept> kept = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp-kept-sessions");
        thread.setDaemon(true);
        return thread;
    });

    KeptSessions() {
        long period = IDLE.toMillis() / 2;
        ticks.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Keeps a session that ended its batch in good order (connected, no failure, nothing cut off). */
    void keep(Transport transport, List<Socket> sockets) {
        kept.addFirst(new Kept(transport, sockets, System.nanoTime()));
    }

    /** The session kept last, if one is still fresh; the others that were not are closed. */
    @Nullable
    Kept take() {
        Kept one;
        while ((one = kept.pollFirst()) != null) {
            if (fresh(one, System.nanoTime())) {
                return one;
            }
            quit(one);
        }
        return null;
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Kept one : kept) {
            // removed only if no batch took it meanwhile
            if (!fresh(one, now) && kept.remove(one)) {
                quit(one);
            }
        }
    }

    private static boolean fresh(Kept one, long now) {
        return now - one.since() < IDLE.toNanos();
    }

    private static void quit(Kept one) {
        try {
            one.transport().close();
        } catch (MessagingException ignored) {
            // the session is gone either way
        }
        SmtpSockets.closeAll(one.sockets());
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        Kept one;
        while ((one = kept.pollFirst()) != null) {
            quit(one);
        }
    }
}
