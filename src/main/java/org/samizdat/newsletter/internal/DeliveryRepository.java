package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about the delivery queue: one row per recipient of a frozen edition. */
@Repository
class DeliveryRepository {

    static final String QUEUED = "QUEUED";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    /** A claimed row: which edition goes to which subscription. */
    record Claimed(long id, long editionId, long subscriptionId, int attempts) {
    }

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per active subscriber of the edition's newsletter at this moment; returns how many. */
    int enqueue(long editionId, long newsletterId) {
        return jdbc.sql("""
                insert into delivery (edition_id, subscription_id, status)
                select ?, s.id, ? from subscription s where s.newsletter_id = ? and s.status = 'ACTIVE'
                """).params(editionId, QUEUED, newsletterId).update();
    }

    /**
     * Locks up to {@code limit} queued rows no other worker holds (SKIP LOCKED: concurrent workers never wait for
     * or take each other's rows) and leases them until {@code until}; run inside a transaction.
     */
    List<Claimed> claim(int limit, Instant now, Instant until) {
        List<Claimed> rows = jdbc.sql("""
                select id, edition_id, subscription_id, attempts from delivery
                where status = ? and (claimed_until is null or claimed_until < ?)
                order by id limit ? for update skip locked
                """).params(QUEUED, Timestamp.from(now), limit).query((rs, n) -> new Claimed(rs.getLong("id"),
                rs.getLong("edition_id"), rs.getLong("subscription_id"), rs.getInt("attempts"))).list();
        for (Claimed row : rows) {
            jdbc.sql("update delivery set claimed_until = ?, attempts = attempts + 1 where id = ?")
                    .params(Timestamp.from(until), row.id()).update();
        }
        return rows;
    }

    void finish(long id, String status, Instant now) {
        jdbc.sql("update delivery set status = ?, sent_at = ?, claimed_until = null where id = ?")
                .params(status, SENT.equals(status) ? Timestamp.from(now) : null, id).update();
    }

    /** Lets a row be claimed again at once (after a temporary failure, with backoff left to the lease). */
    void release(long id, Instant retryAt) {
        jdbc.sql("update delivery set claimed_until = ? where id = ?").params(Timestamp.from(retryAt), id).update();
    }

    /** The subscriber's deliveries for a data export: edition subject, state and time sent. */
    List<java.util.Map<String, Object>> forSubscriber(long subscriberId) {
        return jdbc.sql("""
                select e.subject, d.status, d.sent_at from delivery d join edition e on e.id = d.edition_id
                join subscription s on s.id = d.subscription_id where s.subscriber_id = ? order by d.id
                """).param(subscriberId).query((rs, n) -> {
                    java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("edition", rs.getString("subject"));
                    row.put("status", rs.getString("status"));
                    Timestamp sent = rs.getTimestamp("sent_at");
                    row.put("sent_at", sent == null ? null : sent.toInstant().toString());
                    return row;
                }).list();
    }

    void deleteForSubscriber(long subscriberId) {
        jdbc.sql("delete from delivery where subscription_id in (select id from subscription where subscriber_id = ?)")
                .param(subscriberId).update();
    }

    int count(long editionId, String status) {
        return jdbc.sql("select count(*) from delivery where edition_id = ? and status = ?")
                .params(editionId, status).query(Integer.class).single();
    }
}
