package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL about the delivery queue: one row per recipient of a frozen edition. A row is {@code QUEUED}, then
 * {@code SENDING} from the moment just before the relay may accept it, then {@code SENT} (relay said 250),
 * {@code UNCONFIRMED} (the end of the message went out but no answer came: never resent), {@code FAILED},
 * {@code SKIPPED} (subscription ended meanwhile) or {@code CANCELLED}.
 */
@Repository
class DeliveryRepository {

    static final String QUEUED = "QUEUED";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String UNCONFIRMED = "UNCONFIRMED";
    static final String FAILED = "FAILED";
    static final String SKIPPED = "SKIPPED";
    static final String CANCELLED = "CANCELLED";

    /** A claimed row: which edition goes to which subscription, and which attempt this is (1 for the first). */
    record Claimed(long id, long editionId, long subscriptionId, int attempts) {
    }

    /** A row about to be ended by {@code worker}, with the Message-ID it goes out with. */
    record Fence(long id, String worker, String messageId) {
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

    /**
     * Locks up to {@code limit} queued rows of editions being sent that no other worker holds (SKIP LOCKED: concurrent
     * workers never wait for or take each other's rows) and leases them to {@code worker} until {@code until}; run
     * inside a transaction.
     */
    List<Claimed> claim(int limit, String worker, Instant now, Instant until) {
        List<Claimed> rows = jdbc.sql("""
                select id, edition_id, subscription_id, attempts from delivery
                where status = ? and (claimed_until is null or claimed_until < ?)
                  and edition_id in (select id from edition where status = 'SENDING')
                order by id limit ? for update skip locked
                """).params(QUEUED, Timestamp.from(now), limit).query((rs, n) -> new Claimed(rs.getLong("id"),
                rs.getLong("edition_id"), rs.getLong("subscription_id"), rs.getInt("attempts") + 1)).list();
        if (!rows.isEmpty()) {
            jdbc.sql("update delivery set claimed_until = :until, claimed_by = :worker, attempts = attempts + 1"
                            + " where id in (:ids)")
                    .param("until", Timestamp.from(until)).param("worker", worker)
                    .param("ids", rows.stream().map(Claimed::id).toList()).update();
        }
        return rows;
    }

    /**
     * Many fences in one go (run inside one transaction): rows whose relay answered 250 ({@code confirmed}) become
     * SENT, and each fenced row becomes SENDING with its Message-ID if its worker still holds it and its
     * subscription is still active. Returns, per fence, whether it was.
     */
    boolean[] fenceAll(List<Fence> fences, List<Long> confirmed, Instant now) {
        sent(confirmed, now);
        int[] counts = batch.batchUpdate("""
                update delivery set status = ?, message_id = ? where id = ? and status = ? and claimed_by = ?
                  and exists (select 1 from subscription s where s.id = delivery.subscription_id and s.status = ?)
                """, fences.stream().map(f -> new Object[] {SENDING, f.messageId(), f.id(), QUEUED, f.worker(),
                Subscription.ACTIVE}).toList());
        boolean[] held = new boolean[fences.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = counts[i] == 1;
        }
        return held;
    }

    /** Rows whose relay answered 250 become SENT (whichever of SENDING or UNCONFIRMED they are in). */
    void sent(List<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update delivery set status = :sent, sent_at = :now, claimed_until = null
                where id in (:ids) and status in (:sending, :unconfirmed)""").param("sent", SENT)
                .param("now", Timestamp.from(now)).param("ids", ids).param("sending", SENDING)
                .param("unconfirmed", UNCONFIRMED).update();
    }

    /** A claimed row whose subscription ended after the claim is skipped (its fence refused it). */
    void skipEnded(long id, String worker) {
        jdbc.sql("""
                update delivery set status = ?, claimed_until = null where id = ? and status = ? and claimed_by = ?
                  and not exists (select 1 from subscription s where s.id = delivery.subscription_id and s.status = ?)
                """).params(SKIPPED, id, QUEUED, worker, Subscription.ACTIVE).update();
    }

    /** Ends a row held by this worker (queued or, after a refusal of its end, sending) with a status and reason. */
    void finish(long id, String status, String reason) {
        jdbc.sql("""
                update delivery set status = ?, reason = ?, claimed_until = null where id = ? and status in (?, ?)
                """).params(status, reason, id, QUEUED, SENDING).update();
    }

    /** Back to the queue, claimable again at {@code retryAt} (temporary failure, or a paused edition). */
    void retry(long id, Instant retryAt, String reason) {
        jdbc.sql("""
                update delivery set status = ?, claimed_until = ?, claimed_by = null, reason = ?
                where id = ? and status in (?, ?)""")
                .params(QUEUED, retryAt == null ? null : Timestamp.from(retryAt), reason, id, QUEUED, SENDING).update();
    }

    /** Puts a claimed row back in the queue at once, its attempt not counted (shutdown, relay unreachable). */
    void release(long id) {
        jdbc.sql("""
                update delivery set claimed_until = null, claimed_by = null, attempts = attempts - 1
                where id = ? and status = ? and attempts > 0""").params(id, QUEUED).update();
    }

    /**
     * Rows left SENDING past their lease (their worker died between the fence and the relay's answer) become
     * UNCONFIRMED: the relay may have accepted them, so they are never sent again.
     */
    int settleAbandoned(Instant now) {
        return jdbc.sql("update delivery set status = ?, reason = 'no answer' where status = ? and claimed_until < ?")
                .params(UNCONFIRMED, SENDING, Timestamp.from(now)).update();
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
