package org.samizdat.revenue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for a donor's rights and for retention: everything linked to a supporter (for their export and erasure),
 * the erasure record, and the checkouts that never completed (deleted after the retention period).
 */
@Repository
class DonorRecords {

    private final JdbcClient jdbc;

    DonorRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The donations of this supporter, linked at checkout or at payment, oldest first. */
    List<Donation> donations(UUID supporterId) {
        return jdbc.sql(LedgerRepository.SELECT + """
                 where d.supporter_id = :s or exists (select 1 from revenue_donation_status x
                   where x.donation_id = d.id and x.supporter_id = :s)
                   or d.plan_id in (select p.id from revenue_plan p where p.supporter_id = :s)
                 order by d.created_at, d.id
                """).param("s", supporterId).query(LedgerRepository::row).list();
    }

    /** The plans of this supporter, or whose first donation was paid by them. */
    List<UUID> plans(UUID supporterId) {
        return jdbc.sql("""
                select p.id from revenue_plan p where p.supporter_id = :s or exists (select 1 from revenue_donation_status x
                  where x.donation_id = p.origin_donation_id and x.supporter_id = :s) order by p.created_at, p.id
                """).param("s", supporterId).query(UUID.class).list();
    }

    void recordErasure(UUID supporterId, UUID planId, Instant at, int plansCancelled, int donationsKept) {
        jdbc.sql("""
                insert into revenue_erasure (supporter_id, plan_id, at, plans_cancelled, donations_kept)
                values (?, ?, ?, ?, ?)
                """).params(supporterId, planId, Timestamp.from(at), plansCancelled, donationsKept).update();
    }

    boolean planErased(UUID planId) {
        return jdbc.sql("select count(*) from revenue_erasure where plan_id = ?").param(planId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Checkouts created before the cut-off (bank transfers before their own, longer one) that were never paid:
     * no PAID or REFUNDED status, no subscription linked at a provider, no renewal.
     */
    List<UUID> abandoned(Instant before, Instant bankBefore, int limit) {
        return jdbc.sql("""
                select d.id from revenue_donation d
                where d.kind = 'CHECKOUT'
                  and ((d.method <> 'bank' and d.created_at < :before) or (d.method = 'bank' and d.created_at < :bank))
                  and not exists (select 1 from revenue_donation_status s
                                  where s.donation_id = d.id and s.status in ('PAID', 'REFUNDED'))
                  and not exists (select 1 from revenue_plan_ref r where r.plan_id = d.plan_id)
                  and not exists (select 1 from revenue_donation n where n.plan_id = d.plan_id and n.id <> d.id)
                order by d.created_at limit :limit
                """).param("before", Timestamp.from(before)).param("bank", Timestamp.from(bankBefore))
                .param("limit", limit).query(UUID.class).list();
    }

    /** Whether the donation was paid meanwhile (checked again under the donation's row lock). */
    boolean paid(UUID donationId) {
        return jdbc.sql("""
                select count(*) from revenue_donation_status where donation_id = ? and status in ('PAID', 'REFUNDED')
                """).param(donationId).query(Integer.class).single() > 0;
    }

    /**
     * Deletes an abandoned checkout, its pending plan, and its supporter when nothing else refers to them; false
     * when it was already gone (another node's run).
     */
    boolean deleteAbandoned(UUID donationId) {
        List<UUID> supporters = jdbc.sql("""
                select supporter_id from revenue_donation where id = :d and supporter_id is not null
                union select supporter_id from revenue_donation_status where donation_id = :d and supporter_id is not null
                union select supporter_id from revenue_plan where origin_donation_id = :d and supporter_id is not null
                """).param("d", donationId).query(UUID.class).list();
        UUID plan = jdbc.sql("select id from revenue_plan where origin_donation_id = ?").param(donationId)
                .query(UUID.class).optional().orElse(null);
        jdbc.sql("delete from revenue_donation_status where donation_id = ?").param(donationId).update();
        if (plan != null) {
            jdbc.sql("delete from revenue_plan_change where plan_id = ?").param(plan).update();
            jdbc.sql("delete from revenue_plan where id = ?").param(plan).update();
        }
        boolean deleted = jdbc.sql("delete from revenue_donation where id = ?").param(donationId).update() == 1;
        for (UUID supporter : supporters) {
            jdbc.sql("""
                    delete from revenue_supporter where id = :s
                      and not exists (select 1 from revenue_donation where supporter_id = :s)
                      and not exists (select 1 from revenue_donation_status where supporter_id = :s)
                      and not exists (select 1 from revenue_plan where supporter_id = :s)
                    """).param("s", supporter).update();
        }
        return deleted;
    }
}
