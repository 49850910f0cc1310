package org.samizdat.revenue.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.PlanStatus;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for recurring plans: their fixed facts, the append-only change history, and the provider link. */
@Repository
class PlanRepository {

    private static final String SELECT = """
            select p.*, c.status, c.amount_minor, c.next_due, c.at as changed_at, r.subscription_ref, r.customer_ref
            from revenue_plan p
            join revenue_plan_change c on c.plan_id = p.id
             and c.id = (select max(x.id) from revenue_plan_change x where x.plan_id = p.id)
            left join revenue_plan_ref r on r.plan_id = p.id
            """;

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, Instant at, UUID originDonationId, UUID supporterId, Frequency frequency, String currency,
            String method, Language language) {
        jdbc.sql("""
                insert into revenue_plan (id, created_at, origin_donation_id, supporter_id, frequency, currency, method,
                  language) values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, Timestamp.from(at), originDonationId, supporterId, frequency.name(), currency, method,
                language.code()).update();
    }

    void change(UUID planId, Instant at, PlanStatus status, long amountMinor, LocalDate nextDue, String reason) {
        jdbc.sql("""
                insert into revenue_plan_change (plan_id, at, status, amount_minor, next_due, reason)
                values (?, ?, ?, ?, ?, ?)
                """).params(planId, Timestamp.from(at), status.name(), amountMinor,
                nextDue == null ? null : Date.valueOf(nextDue), reason).update();
    }

    /** Links the provider's subscription to the plan once; true when this call linked it. */
    boolean link(String provider, String subscriptionRef, UUID planId, String customerRef) {
        return jdbc.sql("""
                insert into revenue_plan_ref (provider, subscription_ref, plan_id, customer_ref) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(provider, subscriptionRef, planId, customerRef).update() == 1;
    }

    Optional<Plan> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PlanRepository::row).optional();
    }

    Optional<Plan> byOrigin(UUID donationId) {
        return jdbc.sql(SELECT + " where p.origin_donation_id = ?").param(donationId).query(PlanRepository::row).optional();
    }

    Optional<Plan> bySubscription(String provider, String subscriptionRef) {
        return jdbc.sql(SELECT + " where r.provider = ? and r.subscription_ref = ?").params(provider, subscriptionRef)
                .query(PlanRepository::row).optional();
    }

    /** Plans in these statuses, newest first. */
    List<Plan> withStatus(List<String> statuses, int limit) {
        return jdbc.sql(SELECT + " where c.status in (:statuses) order by p.created_at desc limit :limit")
                .param("statuses", statuses).param("limit", limit).query(PlanRepository::row).list();
    }

    /** Takes a row lock on the plan so concurrent changes to it run one after another. */
    void lock(UUID id) {
        jdbc.sql("select id from revenue_plan where id = ? for update").param(id).query(UUID.class).optional();
    }

    static Plan row(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("next_due");
        return new Plan(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getObject("origin_donation_id", UUID.class), rs.getObject("supporter_id", UUID.class),
                Frequency.valueOf(rs.getString("frequency")), rs.getString("currency").trim(), rs.getString("method"),
                Language.of(rs.getString("language")), PlanStatus.valueOf(rs.getString("status")),
                rs.getLong("amount_minor"), due == null ? null : due.toLocalDate(),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("subscription_ref"),
                rs.getString("customer_ref"));
    }
}
