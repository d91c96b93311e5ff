package org.sheath.engine.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads for the force kernels: {@link #run(IntConsumer)} calls task(t) for
 * t = 0 … threads−1 concurrently (t = 0 on the calling thread) and returns when all are done.
 * Daemon threads, so a forgotten pool does not keep the JVM alive; {@link #close()} stops them.
 */
public final class WorkerPool implements AutoCloseable {
    private final int threads;
    private final ExecutorService executor;
    private final Future<?>[] futures;

    public WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("need at least one thread: " + threads);
        this.threads = threads;
        this.futures = new Future<?>[threads];
        this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "sheath-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool with as many threads as the JVM reports processors. */
    public static WorkerPool ofAvailableProcessors() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs task(0) … task(threads−1) in parallel and waits for all; rethrows the first failure. */
    public void run(IntConsumer task) {
        if (threads == 1) {
            task.accept(0);
            return;
        }
        for (int t = 1; t < threads; t++) {
            final int id = t;
            futures[t] = executor.submit(() -> task.accept(id));
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int t = 1; t < threads; t++) {
            try {
                futures[t].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) failure = new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            futures[t] = null;
        }
        if (failure != null) throw failure;
    }

    @Override
    public void close() {
        if (executor != null) executor.shutdownNow();
    }
}
