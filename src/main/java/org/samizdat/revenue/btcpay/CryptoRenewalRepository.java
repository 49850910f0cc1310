package org.samizdat.revenue.btcpay;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All SQL of recurring crypto support: the active BTCPay plans as the ledger's plan tables show them (read only),
 * and the per-period claims that make each payment link go out once, whichever node gets there first.
 */
@Repository
class CryptoRenewalRepository {

    private final JdbcClient jdbc;

    CryptoRenewalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** BTCPay plans whose latest state is ACTIVE, with their amount now and the supporter's sealed address. */
    List<CryptoPlan> activePlans() {
        return jdbc.sql("""
                select p.id, p.origin_donation_id, p.frequency, p.currency, p.language, p.created_at,
                       c.amount_minor, s.email_sealed
                from revenue_plan p
                join revenue_plan_change c on c.plan_id = p.id
                     and c.id = (select max(l.id) from revenue_plan_change l where l.plan_id = p.id)
                left join revenue_supporter s on s.id = p.supporter_id
                where p.method = ? and c.status = 'ACTIVE'
                order by p.created_at
                """).param(BtcpayEventHandler.PROVIDER)
                .query((rs, n) -> new CryptoPlan(rs.getObject("id", UUID.class), rs.getObject("origin_donation_id", UUID.class),
                        Frequency.valueOf(rs.getString("frequency")), rs.getString("currency").trim(),
                        rs.getString("language"), rs.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC).toLocalDate(),
                        rs.getLong("amount_minor"), rs.getString("email_sealed")))
                .list();
    }

    /**
     * Claims a plan's period for this node until {@code until}: true when the period was new, or was claimed
     * before by a node whose lease ran out without mailing the link.
     */
    boolean claim(CryptoPlan plan, LocalDate period, Instant now, Instant until) {
        int inserted = jdbc.sql("""
                insert into revenue_crypto_renewal (plan_id, period_start, origin_id, amount_minor, currency, claimed_until)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(plan.id(), period, plan.originId(), plan.amountMinor(), plan.currency(), Timestamp.from(until))
                .update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("""
                update revenue_crypto_renewal set claimed_until = ?
                where plan_id = ? and period_start = ? and mailed_at is null and claimed_until < ?
                """).params(Timestamp.from(until), plan.id(), period, Timestamp.from(now)).update() == 1;
    }

    void invoiced(UUID planId, LocalDate period, String invoiceRef) {
        jdbc.sql("update revenue_crypto_renewal set invoice_ref = ? where plan_id = ? and period_start = ?")
                .params(invoiceRef, planId, period).update();
    }

    void mailed(UUID planId, LocalDate period, Instant at) {
        jdbc.sql("update revenue_crypto_renewal set mailed_at = ? where plan_id = ? and period_start = ?")
                .params(Timestamp.from(at), planId, period).update();
    }

    /** The renewal an invoice was made for, if it was one: its plan's first donation, amount and currency. */
    Optional<Renewal> byInvoice(String invoiceRef) {
        return jdbc.sql("select origin_id, amount_minor, currency from revenue_crypto_renewal where invoice_ref = ?")
                .param(invoiceRef)
                .query((rs, n) -> new Renewal(rs.getObject("origin_id", UUID.class), rs.getLong("amount_minor"),
                        rs.getString("currency").trim()))
                .optional();
    }

    /** A plan paid in crypto: renewed by mailing a payment link each period from {@code anchor}. */
    record CryptoPlan(UUID id, UUID originId, Frequency frequency, String currency, String language, LocalDate anchor,
            long amountMinor, String emailSealed) {

        /** The start of the latest period that has begun by {@code today}, after the first; empty before that. */
        Optional<LocalDate> duePeriod(LocalDate today) {
            LocalDate due = null;
            for (int n = 1; ; n++) {
                LocalDate start = frequency == Frequency.ANNUAL ? anchor.plusYears(n) : anchor.plusMonths(n);
                if (start.isAfter(today)) {
                    return Optional.ofNullable(due);
                }
                due = start;
            }
        }
    }

    /** A renewal invoice's plan (by its first donation) and what it asked for. */
    record Renewal(UUID originId, long amountMinor, String currency) {
    }
}
