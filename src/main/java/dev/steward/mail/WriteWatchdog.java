package dev.steward.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds every write to an SMTP connection: a socket whose write has been blocked longer than the timeout (a server
 * that stopped reading) is closed, which ends the write with an error. Jakarta Mail's own write timeout
 * ({@code mail.smtp.writetimeout}) schedules and cancels a task on a thread of its own for every write, several
 * times a message, which cost a campaign about a fifth of a core in system time (thread wake-ups); here a write
 * only notes when it started, and one thread looks at the open sockets a few times per timeout.
 */
final class WriteWatchdog implements AutoCloseable {

    private final long timeoutNanos;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smtp-write-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    WriteWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        long period = Math.max(10, Math.min(1_000, timeout.toMillis() / 4));
        ticks.scheduleWithFixedDelay(this::closeStuck, period, period, TimeUnit.MILLISECONDS);
    }

    /** A new unconnected socket whose writes are watched until it is closed. */
    Socket socket() {
        return new Watched();
    }

    private void closeStuck() {
        long now = System.nanoTime();
        for (Watched socket : open) {
            long started = socket.writingSince;
            if (started != 0 && now - started > timeoutNanos) {
                SmtpSockets.closeAll(List.of(socket));
            }
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }

    private final class Watched extends Socket {

        /** When the write under way started (System.nanoTime), 0 while none is. */
        private volatile long writingSince;

        private OutputStream output;

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                open.add(this);
                output = new Timed(super.getOutputStream());
            }
            return output;
        }

        @Override
        public synchronized void close() throws IOException {
            open.remove(this);
            super.close();
        }

        private final class Timed extends FilterOutputStream {

            Timed(OutputStream out) {
                super(out);
            }

            @Override
            public void write(int b) throws IOException {
                writingSince = System.nanoTime() | 1;
                try {
                    out.write(b);
                } finally {
                    writingSince = 0;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writingSince = System.nanoTime() | 1;
                try {
                    out.write(b, off, len);
                } finally {
                    writingSince = 0;
                }
            }
        }
    }
}
