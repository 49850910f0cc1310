package org.samizdat.revenue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for webhook deliveries already seen and for provider news parked until it can be applied. */
@Repository
class EventRepository {

    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean record(String provider, String eventId, Instant at) {
        return jdbc.sql("insert into revenue_provider_event (provider, event_id, received_at) values (?, ?, ?) "
                + "on conflict do nothing").params(provider, eventId, Timestamp.from(at)).update() == 1;
    }

    void park(Parked p, Instant at) {
        jdbc.sql("""
                insert into revenue_parked (provider, subject_ref, kind, invoice_ref, payment_ref, amount_minor, currency,
                  status, received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(p.provider(), p.subjectRef(), p.kind(), p.invoiceRef(), p.paymentRef(), p.amountMinor(),
                p.currency(), p.status(), Timestamp.from(at)).update();
    }

    /** Parked news for the subject not yet applied, oldest first, locked for this transaction. */
    List<Parked> waiting(String provider, String subjectRef) {
        return jdbc.sql("""
                select id, provider, subject_ref, kind, invoice_ref, payment_ref, amount_minor, currency, status
                from revenue_parked where provider = ? and subject_ref = ? and applied_at is null order by id for update
                """).params(provider, subjectRef).query((rs, n) -> new Parked(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8), rs.getString(9))).list();
    }

    void applied(long id, Instant at) {
        jdbc.sql("update revenue_parked set applied_at = ? where id = ? and applied_at is null")
                .params(Timestamp.from(at), id).update();
    }
}
