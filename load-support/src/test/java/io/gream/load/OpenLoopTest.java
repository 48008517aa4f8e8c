package io.gream.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopTest {

    @Test
    void startsEachOperationAtItsOwnIntendedTimeRegardlessOfTheOnesBefore() {
        List<Long> intended = new ArrayList<>();
        long start = PerfClock.nowMicros();

        long started = OpenLoop.run(1000, start, Duration.ofMillis(200), (i, meant) -> intended.add(meant));

        assertThat(started).isEqualTo(200);
        assertThat(intended).hasSize(200);
        for (int i = 0; i < intended.size(); i++) {
            assertThat(intended.get(i)).isEqualTo(start + i * 1000L);
        }
    }

    @Test
    void countsTheQueueingDelayOfOperationsHeldUpByASlowOne() {
        long start = PerfClock.nowMicros();
        LatencyLog log = new LatencyLog(start);

        // The first operation stands for a stalled system: it holds the loop for 100 ms. The operations meant to
        // start meanwhile start late, and their latency must include that wait (no coordinated omission).
        OpenLoop.run(1000, start, Duration.ofMillis(200), (i, meant) -> {
            if (i == 0) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            log.record(meant, PerfClock.nowMicros());
        });

        assertThat(log.completed()).isEqualTo(200);
        assertThat(log.summary().maxMs()).isGreaterThanOrEqualTo(95);
        assertThat(log.summary().p50Ms()).as("half the operations were meant to start during the stall")
                .isGreaterThan(0.0);
    }

    @Test
    void leavesWarmUpOperationsOutOfTheFigures() {
        LatencyLog log = new LatencyLog(10_000);

        log.record(5_000, 9_000);   // meant during warm-up: 4 ms
        log.record(10_000, 12_000); // measured: 2 ms
        log.failed();

        assertThat(log.completed()).isEqualTo(2);
        assertThat(log.measured()).isEqualTo(1);
        assertThat(log.failures()).isEqualTo(1);
        assertThat(log.summary().count()).isEqualTo(1);
        assertThat(log.summary().maxMs()).isBetween(1.99, 2.01);
    }
}
