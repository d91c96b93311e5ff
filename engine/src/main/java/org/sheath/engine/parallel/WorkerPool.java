package org.sheath.engine.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads for the force kernels: {@link #run(IntConsumer)} calls task(t) for
 * t = 0 … threads−1 concurrently (t = 0 on the calling thread) and returns when all are done.
 *
 * <p>A barrier, not an executor: a run publishes the task and bumps a generation counter; workers spin
 * briefly on the counter and then park, so the many short phases of an MD step (kernel, reduction, PME
 * stages) start without a queue, a {@code Future} or any allocation. The caller waits the same way for the
 * count of unfinished workers to reach zero. A run from inside a task (or while another run is active)
 * executes its parts one after the other on the calling thread instead of deadlocking. One caller at a
 * time: a pool belongs to one context. Daemon threads, so a forgotten pool does not keep the JVM alive;
 * {@link #close()} stops them.
 */
public final class WorkerPool implements AutoCloseable {
    /** Spins on the counter before parking (a few microseconds: the gap between the phases of a step). */
    private static final int SPINS = 2000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger remaining = new AtomicInteger();
    private volatile IntConsumer task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile RuntimeException failure;
    private volatile Error error;
    private boolean running;

    public WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("need at least one thread: " + threads);
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            final int id = t;
            Thread w = new Thread(() -> work(id), "sheath-worker-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
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
        synchronized (this) {
            if (running || closed) { // nested (a task that runs the pool) or after close: in order, here
                for (int t = 0; t < threads; t++) task.accept(t);
                return;
            }
            running = true;
        }
        try {
            failure = null;
            error = null;
            caller = Thread.currentThread();
            this.task = task;
            remaining.set(threads - 1);
            generation++; // publishes the task (volatile write after it)
            for (Thread w : workers) LockSupport.unpark(w);
            Throwable own = null;
            try {
                task.accept(0);
            } catch (RuntimeException | Error e) {
                own = e; // rethrown once the workers are done, so that no task outlives the run
            }
            int spins = 0;
            while (remaining.get() > 0) {
                if (++spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            this.task = null;
            if (error != null) throw error;
            if (own instanceof Error e) throw e;
            if (own != null) throw (RuntimeException) own;
            if (failure != null) throw failure;
        } finally {
            synchronized (this) {
                running = false;
            }
        }
    }

    private void work(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = generation;
            try {
                task.accept(id);
            } catch (RuntimeException e) {
                synchronized (this) {
                    if (failure == null) failure = e;
                }
            } catch (Error e) {
                synchronized (this) {
                    if (error == null) error = e;
                }
            } finally {
                if (remaining.decrementAndGet() == 0) LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
