package org.samizdat.revenue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for donation entries and their status history. Nothing here updates or deletes: a donation's facts are
 * inserted once and each status is a new row, unique per (donation, status key), which is what credits once.
 */
@Repository
class LedgerRepository {

    static final String SELECT = """
            select d.*, s.status, s.at as status_at,
                   (select p.supporter_id from revenue_donation_status p
                     where p.donation_id = d.id and p.status = 'PAID') as paid_supporter_id,
                   coalesce((select sum(r.amount_minor) from revenue_donation_status r
                             where r.donation_id = d.id and r.status = 'REFUNDED'), 0) as refunded_minor
            from revenue_donation d
            join revenue_donation_status s on s.donation_id = d.id
             and s.id = (select max(x.id) from revenue_donation_status x where x.donation_id = d.id)
            """;

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry; false when the provider's invoice it settles is already in the ledger. */
    boolean insert(Donation d) {
        return jdbc.sql("""
                insert into revenue_donation (id, created_at, kind, frequency, amount_minor, currency, method, language,
                  ask, supporter_id, plan_id, invoice_ref, reference_code) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(d.id(), Timestamp.from(d.createdAt()), d.kind(), d.frequency().name(), d.amountMinor(),
                d.currency(), d.method(), d.language().code(), d.ask(), d.supporterId(), d.planId(), d.invoiceRef(),
                d.referenceCode()).update() == 1;
    }

    /** Appends a status unless this donation already has one under the same key; true when appended. */
    boolean appendStatus(UUID donationId, String status, String key, Instant at, Long amountMinor,
            ProviderRefs refs, UUID supporterId, String note) {
        return jdbc.sql("""
                insert into revenue_donation_status (donation_id, status, status_key, at, amount_minor, payment_ref,
                  customer_ref, supporter_id, invoice_ref, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """).params(donationId, status, key, Timestamp.from(at), amountMinor,
                refs == null ? null : refs.paymentRef(), refs == null ? null : refs.customerRef(), supporterId,
                refs == null ? null : refs.invoiceRef(), note).update() == 1;
    }

    Optional<Donation> find(UUID id) {
        return jdbc.sql(SELECT + " where d.id = ?").param(id).query(LedgerRepository::row).optional();
    }

    Optional<Donation> byInvoice(String method, String invoiceRef) {
        return jdbc.sql(SELECT + " where d.method = ? and d.invoice_ref = ?").params(method, invoiceRef)
                .query(LedgerRepository::row).optional();
    }

    /** Whether the provider's invoice was already settled, by a renewal entry or a checkout's first payment. */
    boolean invoiceSeen(String method, String invoiceRef) {
        return jdbc.sql("""
                select (select count(*) from revenue_donation where method = ? and invoice_ref = ?)
                     + (select count(*) from revenue_donation_status s join revenue_donation d on d.id = s.donation_id
                        where s.invoice_ref = ? and d.method = ?)
                """).params(method, invoiceRef, invoiceRef, method).query(Integer.class).single() > 0;
    }

    Optional<Donation> byReference(String code) {
        return jdbc.sql(SELECT + " where d.reference_code = ?").param(code).query(LedgerRepository::row).optional();
    }

    Optional<UUID> byPaymentRef(String method, String paymentRef) {
        return jdbc.sql("""
                select s.donation_id from revenue_donation_status s join revenue_donation d on d.id = s.donation_id
                where d.method = ? and s.payment_ref = ? and s.status = 'PAID'
                """).params(method, paymentRef).query(UUID.class).optional();
    }

    /** Takes a row lock on the donation so concurrent deliveries about it run one after another. */
    void lock(UUID id) {
        jdbc.sql("select id from revenue_donation where id = ? for update").param(id).query(UUID.class).optional();
    }

    boolean hasStatus(UUID id, String key) {
        return jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status_key = ?")
                .params(id, key).query(Integer.class).single() > 0;
    }

    static Donation row(ResultSet rs, int n) throws SQLException {
        UUID supporter = rs.getObject("supporter_id", UUID.class);
        UUID paidBy = rs.getObject("paid_supporter_id", UUID.class);
        return new Donation(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("kind"), Frequency.valueOf(rs.getString("frequency")), rs.getLong("amount_minor"),
                rs.getString("currency").trim(), rs.getString("method"), Language.of(rs.getString("language")),
                rs.getString("ask"), supporter != null ? supporter : paidBy, rs.getObject("plan_id", UUID.class),
                rs.getString("invoice_ref"), rs.getString("reference_code"), rs.getString("status"),
                rs.getTimestamp("status_at").toInstant(), rs.getLong("refunded_minor"));
    }
}
