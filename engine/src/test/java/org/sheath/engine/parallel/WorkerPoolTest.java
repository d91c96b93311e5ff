package org.sheath.engine.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The barrier pool: every part runs once per run, across many runs; failures come back; nesting does not hang. */
class WorkerPoolTest {
    @Test
    void everyPartRunsOncePerRunOverManyRuns() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray count = new AtomicIntegerArray(3);
            long[] sums = new long[3];
            for (int r = 0; r < 20000; r++) {
                final int round = r;
                pool.run(t -> {
                    count.incrementAndGet(t);
                    sums[t] += round; // plain writes: visible to the caller after run returns
                });
            }
            for (int t = 0; t < 3; t++) {
                assertThat(count.get(t)).isEqualTo(20000);
                assertThat(sums[t]).isEqualTo(20000L * 19999 / 2);
            }
        }
    }

    @Test
    void aFailureInAnyPartIsRethrownAndThePoolStaysUsable() {
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThatThrownBy(() -> pool.run(t -> {
                if (t == 1) throw new IllegalStateException("worker part failed");
            })).hasMessage("worker part failed");
            assertThatThrownBy(() -> pool.run(t -> {
                if (t == 0) throw new IllegalArgumentException("caller part failed");
            })).hasMessage("caller part failed");
            int[] hits = new int[2];
            pool.run(t -> hits[t]++);
            assertThat(hits).containsExactly(1, 1);
        }
    }

    @Test
    void aRunInsideATaskRunsItsPartsInOrderInsteadOfDeadlocking() {
        try (WorkerPool pool = new WorkerPool(2)) {
            AtomicIntegerArray inner = new AtomicIntegerArray(2);
            pool.run(t -> pool.run(u -> inner.incrementAndGet(u)));
            assertThat(inner.get(0)).isEqualTo(2);
            assertThat(inner.get(1)).isEqualTo(2);
        }
    }
}
