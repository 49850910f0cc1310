package org.samizdat.cluster.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the change feed. */
@Repository
class ChangeFeedRepository {

    /** One row of the feed. */
    record Change(long id, String node, String type, String payload) {
    }

    private final JdbcClient jdbc;

    ChangeFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(String node, String type, String payload) {
        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES (:node, :type, :payload)")
                .param("node", node).param("type", type).param("payload", payload)
                .update();
    }

    /** Rows other nodes recorded within the window before the database's current time, oldest first. */
    List<Change> recentFromOthers(String node, Duration window) {
        return jdbc.sql("""
                SELECT id, node, event_type, payload FROM change_feed
                WHERE recorded_at >= :since AND node <> :node
                ORDER BY id""")
                .param("since", databaseNow().minus(window)).param("node", node)
                .query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    int deleteOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM change_feed WHERE recorded_at < :before")
                .param("before", databaseNow().minus(age))
                .update();
    }

    /** The database's clock, which stamped the rows; app nodes' clocks may drift from it. */
    private OffsetDateTime databaseNow() {
        return jdbc.sql("SELECT CURRENT_TIMESTAMP").query(OffsetDateTime.class).single();
    }
}
