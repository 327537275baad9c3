package dev.steward.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL LISTEN/NOTIFY between Steward nodes sharing a database. One connection listens on every channel a
 * module subscribed to; a notification sent inside a transaction is delivered when it commits. A subscriber is also
 * called after the connection was lost and re-established, with a {@code null} payload, because notifications sent
 * meanwhile were lost and it must catch up from the database, which stays the source of truth.
 */
@Component
public class Notifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Thread listener;

    Notifications(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Calls the subscriber with each payload sent on the channel, on a background thread. */
    public synchronized void subscribe(String channel, Consumer<String> subscriber) {
        subscribers
                .computeIfAbsent(channel, ignored -> new CopyOnWriteArrayList<>())
                .add(subscriber);
        if (listener == null) {
            Thread thread = new Thread(this::listen, "steward-notifications");
            thread.setDaemon(true);
            thread.start();
            listener = thread;
        }
    }

    /** Sends a notification, delivered to every node (this one included) when the current transaction commits. */
    public void send(String channel, String payload) {
        sendAll(channel, List.of(payload));
    }

    /**
     * Sends one notification a payload, in their order, in one round trip: a sweep's batch tells the other nodes of
     * thousands of erased subjects, a dozen payloads of up to 8,000 bytes, and on two busy cores each statement of
     * its own cost the batch several milliseconds of waiting (bench/README.md, sweep7).
     */
    public void sendAll(String channel, List<String> payloads) {
        if (payloads.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT pg_notify(:channel, p) FROM unnest(CAST(:payloads AS text[])) AS p")
                .param("channel", channel)
                .param("payloads", payloads.toArray(String[]::new))
                .query()
                .listOfRows();
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                receive(connection, new HashSet<>());
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the notification connection; reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void receive(Connection connection, Set<String> listening) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (running) {
            listenToNewChannels(connection, listening);
            PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
            if (notifications == null) {
                continue;
            }
            for (PGNotification notification : notifications) {
                subscribers
                        .getOrDefault(notification.getName(), List.of())
                        .forEach(subscriber -> deliver(subscriber, notification.getParameter()));
            }
        }
    }

    /**
     * Listens on channels subscribed since the last poll. Their subscribers are then told to catch up, because what
     * was sent before the LISTEN took effect was not heard.
     */
    private void listenToNewChannels(Connection connection, Set<String> listening) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (listening.add(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                subscribers.get(channel).forEach(subscriber -> deliver(subscriber, null));
            }
        }
    }

    private static void deliver(Consumer<String> subscriber, String payload) {
        try {
            subscriber.accept(payload);
        } catch (RuntimeException e) {
            log.error("A notification subscriber failed", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.join(2000);
        }
    }
}
