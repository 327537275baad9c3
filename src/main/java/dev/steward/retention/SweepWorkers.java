package dev.steward.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** A sweep's workers: each runs on a daemon thread of its own, and the first to fail fails the run. */
final class SweepWorkers {

    private SweepWorkers() {}

    static void inParallel(int workers, IntConsumer work) {
        if (workers <= 1) {
            work.accept(0);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "retention-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int worker = i;
                running.add(pool.submit(() -> work.accept(worker)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("A sweep worker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
