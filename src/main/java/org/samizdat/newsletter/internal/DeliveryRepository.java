package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL about deliveries: one row per recipient of a frozen edition. A row is {@code QUEUED} (its batch's worker
 * may be sending it: see {@link DeliveryBatches}), then {@code SENT} (relay said 250), {@code UNCONFIRMED} (the end
 * of the message may have gone out but no answer came: never resent), {@code FAILED}, {@code SKIPPED} (subscription
 * ended meanwhile) or {@code CANCELLED}. Each row is written once when it ends (or when it waits for a retry).
 */
@Repository
class DeliveryRepository {

    static final String QUEUED = "QUEUED";
    static final String SENT = "SENT";
    static final String UNCONFIRMED = "UNCONFIRMED";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";
    static final String CANCELLED = "CANCELLED";

    /** A row to send: which edition goes to which subscription, and which attempt this is (1 for the first). */
    record Claimed(long id, long editionId, long subscriptionId, int attempts) {
    }

    /** A row about to be ended by {@code worker}, who holds its batch. */
    record Fence(long batch, long id, String worker) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** One row per active, not suppressed subscriber of the edition's newsletter at this moment; returns how many. */
    int enqueue(long editionId, long newsletterId) {
        return jdbc.sql("""
                insert into delivery (edition_id, subscription_id, status)
                select ?, s.id, ? from subscription s where s.newsletter_id = ? and s.status = 'ACTIVE'
                and not exists (select 1 from subscriber r join suppression x on x.email_lookup = r.email_lookup
                  where r.id = s.subscriber_id)
                """).params(editionId, QUEUED, newsletterId).update();
    }

    /** The leased batch's rows that may go now, in id order (rows waiting for a retry wait on). */
    List<Claimed> due(DeliveryBatches.Lease lease, Instant now) {
        return jdbc.sql("""
                select id, subscription_id, attempts from delivery
                where edition_id = ? and id between ? and ? and status = ? and (claimed_until is null or claimed_until <= ?)
                order by id""").params(lease.editionId(), lease.firstId(), lease.lastId(), QUEUED, Timestamp.from(now))
                .query((rs, n) -> new Claimed(rs.getLong("id"), lease.editionId(), rs.getLong("subscription_id"),
                        rs.getInt("attempts") + 1)).list();
    }

    /**
     * Many fences in one go (run inside one transaction): rows whose relay answered 250 ({@code confirmed}) become
     * SENT, and each fenced row becomes its batch's row in flight if its worker still holds the batch, the row is
     * still queued and its subscription still active (one query for the whole group). Returns, per fence, whether
     * it was.
     */
    boolean[] fenceAll(List<Fence> fences, List<Long> confirmed, Instant now, Instant leaseUntil, String domain) {
        sent(confirmed, now, domain);
        Set<Long> sendable = new HashSet<>(jdbc.sql("""
                select d.id from delivery d join subscription s on s.id = d.subscription_id
                where d.id = any(?) and d.status = ? and s.status = ?""")
                .params(fences.stream().map(Fence::id).toArray(Long[]::new), QUEUED, Subscription.ACTIVE)
                .query(Long.class).list());
        List<Fence> open = fences.stream().filter(f -> sendable.contains(f.id())).toList();
        int[] counts = batch.batchUpdate(
                "update delivery_batch set in_flight = ?, leased_until = ? where id = ? and worker = ?",
                open.stream().map(f -> new Object[] {f.id(), Timestamp.from(leaseUntil), f.batch(), f.worker()})
                        .toList());
        Set<Fence> held = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                held.add(open.get(i));
            }
        }
        boolean[] result = new boolean[fences.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = held.contains(fences.get(i));
        }
        return result;
    }

    /**
     * Rows whose relay answered 250 become SENT with their Message-ID ({@code <e{edition}.d{id}@domain>}), whatever
     * else happened to them meanwhile (settled UNCONFIRMED by a takeover, cancelled while in flight).
     */
    void sent(List<Long> ids, Instant now, String domain) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update delivery set status = ?, sent_at = ?, attempts = attempts + 1, claimed_until = null,
                  message_id = '<e' || edition_id || '.d' || id || '@' || ? || '>'
                where id = any(?) and status in (?, ?, ?)""").params(SENT, Timestamp.from(now), domain,
                ids.toArray(Long[]::new), QUEUED, UNCONFIRMED, CANCELLED).update();
    }

    /** A queued row whose subscription ended after its batch was leased is skipped; false when it had not ended. */
    boolean skipEnded(long id) {
        return jdbc.sql("""
                update delivery set status = ? where id = ? and status = ?
                  and not exists (select 1 from subscription s where s.id = delivery.subscription_id and s.status = ?)
                """).params(SKIPPED, id, QUEUED, Subscription.ACTIVE).update() == 1;
    }

    /** Ends a queued row of this worker's batch with a status and reason, counting the attempt. */
    void finish(long id, String status, String reason) {
        jdbc.sql("""
                update delivery set status = ?, reason = ?, attempts = attempts + 1, claimed_until = null
                where id = ? and status = ?""").params(status, reason, id, QUEUED).update();
    }

    /** Back in the queue until {@code retryAt} after a temporary failure, the attempt counted. */
    void retry(long id, Instant retryAt, String reason) {
        jdbc.sql("update delivery set claimed_until = ?, reason = ?, attempts = attempts + 1 where id = ? and status = ?")
                .params(Timestamp.from(retryAt), reason, id, QUEUED).update();
    }

    int cancel(long editionId) {
        return jdbc.sql("update delivery set status = ? where edition_id = ? and status = ?")
                .params(CANCELLED, editionId, QUEUED).update();
    }

    /** Rows of an edition per status. */
    Map<String, Integer> counts(long editionId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) as n from delivery where edition_id = ? group by status").param(editionId)
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getInt("n"))).list();
        return counts;
    }

    /** Rows of an edition sent since {@code since}. */
    int sentSince(long editionId, Instant since) {
        return jdbc.sql("select count(*) from delivery where edition_id = ? and status = ? and sent_at >= ?")
                .params(editionId, SENT, Timestamp.from(since)).query(Integer.class).single();
    }

    /** The subscriber's deliveries for a data export: edition subject, state and time sent. */
    List<Map<String, Object>> forSubscriber(long subscriberId) {
        return jdbc.sql("""
                select e.subject, d.status, d.sent_at from delivery d join edition e on e.id = d.edition_id
                join subscription s on s.id = d.subscription_id where s.subscriber_id = ? order by d.id
                """).param(subscriberId).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
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
