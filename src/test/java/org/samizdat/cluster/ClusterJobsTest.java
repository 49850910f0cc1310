package org.samizdat.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Occurrence claims in the real database: one run per (job, slot), work and claim committed together. */
@AppTest
class ClusterJobsTest {

    @Autowired
    ClusterJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOccurrenceRunsOnceAndItsClaimNamesTheNode() {
        String slot = NewsroomClient.unique("slot");
        AtomicInteger runs = new AtomicInteger();
        assertThat(jobs.runOnce("test-job", slot, runs::incrementAndGet)).isTrue();
        assertThat(jobs.runOnce("test-job", slot, runs::incrementAndGet)).isFalse();
        assertThat(jobs.claim("test-job", slot)).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(jobs.runOnce("other-job", slot, runs::incrementAndGet)).as("slots are per job").isTrue();
        assertThat(jdbc.sql("select node from cluster_job_run where job = 'test-job' and slot = ?").param(slot)
                .query(String.class).single()).isEqualTo(jobs.node());
    }

    @Test
    void workThatFailsLeavesTheOccurrenceFreeAndItsDatabaseChangesUndone() {
        String slot = NewsroomClient.unique("failing");
        assertThatThrownBy(() -> jobs.runOnce("test-job", slot, () -> {
            jdbc.sql("insert into cluster_job_run (job, slot, node) values ('side-effect', ?, 'x')").param(slot).update();
            throw new IllegalStateException("the job failed half way");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from cluster_job_run where slot = ?").param(slot).query(Integer.class).single())
                .as("neither the claim nor the job's own write survived").isZero();
        AtomicInteger runs = new AtomicInteger();
        assertThat(jobs.runOnce("test-job", slot, runs::incrementAndGet)).as("the next attempt runs it").isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void manyThreadsRacingForOneOccurrenceRunItOnce() throws Exception {
        String slot = NewsroomClient.unique("race");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> racer = () -> {
                    start.await();
                    return jobs.runOnce("race-job", slot, () -> {
                        runs.incrementAndGet();
                        jdbc.sql("select count(*) from cluster_job_run").query(Integer.class).single();
                    });
                };
                results.add(pool.submit(racer));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
