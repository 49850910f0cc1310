package org.samizdat.cluster.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of job claims: one row per occurrence run, keyed by (job, slot). */
@Repository
class ClusterJobRepository {

    private final JdbcClient jdbc;

    ClusterJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the claim; throws {@code DuplicateKeyException} when the occurrence is already claimed. */
    void insert(String job, String slot, String node) {
        jdbc.sql("insert into cluster_job_run (job, slot, node) values (?, ?, ?)").params(job, slot, node).update();
    }

    int deleteOlderThan(Instant before) {
        return jdbc.sql("delete from cluster_job_run where claimed_at < ?").param(Timestamp.from(before)).update();
    }
}
