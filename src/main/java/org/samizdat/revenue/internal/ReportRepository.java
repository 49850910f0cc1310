package org.samizdat.revenue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the goal and the newsroom's reports: totals per currency, filtered donation lists. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One-time donations paid in [from, to), less what was refunded of them, per currency. */
    Map<String, Long> oneTimeRaised(Instant from, Instant to) {
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("""
                select d.currency, sum(d.amount_minor - coalesce((select sum(r.amount_minor) from revenue_donation_status r
                  where r.donation_id = d.id and r.status = 'REFUNDED'), 0))
                from revenue_donation d join revenue_donation_status p on p.donation_id = d.id and p.status = 'PAID'
                where d.frequency = 'ONCE' and p.at >= ? and p.at < ? group by d.currency
                """).params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    totals.merge(rs.getString(1).trim(), rs.getLong(2), Long::sum);
                });
        return totals;
    }

    /** Donations matching the filter, newest first. */
    List<Donation> donations(DonationFilter f, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (f.from() != null) {
            where.append(" and d.created_at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and d.created_at < ?");
            params.add(Timestamp.from(f.to()));
        }
        if (f.status() != null) {
            where.append(" and s.status = ?");
            params.add(f.status());
        }
        if (f.frequency() != null) {
            where.append(" and d.frequency = ?");
            params.add(f.frequency().name());
        }
        if (f.method() != null) {
            where.append(" and d.method = ?");
            params.add(f.method());
        }
        if (f.currency() != null) {
            where.append(" and d.currency = ?");
            params.add(f.currency());
        }
        params.add(limit);
        return jdbc.sql(LedgerRepository.SELECT + where + " order by d.created_at desc, d.id limit ?").params(params)
                .query(LedgerRepository::row).list();
    }
}
