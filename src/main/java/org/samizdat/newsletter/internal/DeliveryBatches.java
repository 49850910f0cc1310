package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * All SQL about delivery batches: ranges of one edition's delivery ids that a sending thread leases as a whole, so
 * that claiming writes one small row per batch instead of locking and leasing every delivery. Batches are carved
 * from an edition as threads need them ({@code edition.batched_through}), so rows queued by any means are sent.
 */
@Repository
class DeliveryBatches {

    static final String QUEUED = "QUEUED";
    static final String DONE = "DONE";

    /** A leased batch: one edition's deliveries with ids from {@code firstId} to {@code lastId}. */
    record Lease(long id, long editionId, long firstId, long lastId) {
    }

    private final JdbcClient jdbc;

    DeliveryBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leases to {@code worker} until {@code until} a queued batch of an edition being sent whose lease ran out, which
     * no other worker is claiming (SKIP LOCKED), or else carves a new batch of up to {@code size} rows from such an
     * edition. Its row in flight under an earlier worker, if still queued, becomes UNCONFIRMED: it may have been
     * accepted. Run inside a transaction.
     */
    Optional<Lease> lease(String worker, Instant now, Instant until, int size) {
        Optional<Found> found = jdbc.sql("""
                select id, edition_id, first_id, last_id, in_flight from delivery_batch
                where status = ? and (leased_until is null or leased_until < ?)
                  and edition_id in (select id from edition where status = 'SENDING')
                order by id limit 1 for update skip locked
                """).params(QUEUED, Timestamp.from(now)).query((rs, n) -> new Found(new Lease(rs.getLong("id"),
                        rs.getLong("edition_id"), rs.getLong("first_id"), rs.getLong("last_id")),
                        (Long) rs.getObject("in_flight", Long.class))).optional();
        if (found.isPresent()) {
            if (found.get().inFlight() != null) {
                settle(found.get().inFlight());
            }
            jdbc.sql("update delivery_batch set worker = ?, leased_until = ?, in_flight = null where id = ?")
                    .params(worker, Timestamp.from(until), found.get().lease().id()).update();
            return Optional.of(found.get().lease());
        }
        for (long edition : jdbc.sql("select id from edition where status = 'SENDING' order by id").query(Long.class)
                .list()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                Optional<Optional<Lease>> carved = carve(edition, worker, until, size);
                if (carved.isPresent()) {
                    if (carved.get().isPresent()) {
                        return carved.get();
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private record Found(Lease lease, Long inFlight) {
    }

    /**
     * A new batch of the edition's next rows (empty: none left), or nothing when another worker carved the same rows
     * first: the edition's mark moves only from the value read, so two batches never share a row.
     */
    private Optional<Optional<Lease>> carve(long edition, String worker, Instant until, int size) {
        Optional<Long> through = jdbc.sql("select batched_through from edition where id = ? and status = 'SENDING'"
                + " for update").param(edition).query(Long.class).optional();
        if (through.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        List<Long> ids = jdbc.sql("select id from delivery where edition_id = ? and id > ? order by id limit ?")
                .params(edition, through.get(), size).query(Long.class).list();
        if (ids.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        if (jdbc.sql("update edition set batched_through = ? where id = ? and batched_through = ?")
                .params(last, edition, through.get()).update() != 1) {
            return Optional.empty();
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into delivery_batch (edition_id, first_id, last_id, status, worker, leased_until)
                values (?, ?, ?, ?, ?, ?)""").params(edition, first, last, QUEUED, worker, Timestamp.from(until))
                .update(keys, "id");
        return Optional.of(Optional.of(new Lease(keys.getKey().longValue(), edition, first, last)));
    }

    /** The batch's row in flight when its worker stopped may have been accepted: never sent again. */
    private void settle(long inFlight) {
        jdbc.sql("update delivery set status = ?, reason = 'no answer', attempts = attempts + 1 where id = ?"
                + " and status = ?").params(DeliveryRepository.UNCONFIRMED, inFlight, DeliveryRepository.QUEUED)
                .update();
    }

    /**
     * Gives a batch back (run inside a transaction, after its confirmed rows are marked SENT): it is DONE when none of
     * its rows is queued any more, else claimable again when its first queued row may go (at once, or at a retry's
     * time). Its row in flight is kept while that row is still queued, with no outcome (it may have been accepted),
     * so the next worker settles it. Does nothing when {@code worker} no longer holds it.
     */
    void giveBack(Lease lease, String worker, Instant now) {
        Timestamp next = jdbc.sql("""
                select min(coalesce(claimed_until, ?)) from delivery
                where edition_id = ? and id between ? and ? and status = ?""")
                .params(Timestamp.from(now), lease.editionId(), lease.firstId(), lease.lastId(),
                        DeliveryRepository.QUEUED).query(Timestamp.class).optional().orElse(null);
        jdbc.sql("""
                update delivery_batch set status = ?, worker = null, leased_until = ?, in_flight = case
                  when exists (select 1 from delivery d where d.id = delivery_batch.in_flight and d.status = ?)
                  then in_flight end
                where id = ? and worker = ?""").params(next == null ? DONE : QUEUED, next, DeliveryRepository.QUEUED,
                lease.id(), worker).update();
    }

    /** The row in flight got its outcome (failed, retried, unconfirmed): no longer the batch's row in flight. */
    void landed(long batchId, long rowId) {
        jdbc.sql("update delivery_batch set in_flight = null where id = ? and in_flight = ?").params(batchId, rowId)
                .update();
    }

    /** Every batch of a cancelled edition is done. */
    void cancel(long editionId) {
        jdbc.sql("update delivery_batch set status = ? where edition_id = ? and status = ?")
                .params(DONE, editionId, QUEUED).update();
    }
}
