package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about suppressed addresses, soft-bounce counts and webhook messages already handled. */
@Repository
class SuppressionRepository {

    private final JdbcClient jdbc;
    private final PersonalData personal;

    SuppressionRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** Records the message as handled; false when it was handled before (a redelivery). */
    boolean firstTime(String messageKey, Instant now) {
        return jdbc.sql("insert into bounce_message (message_key, received_at) values (?, ?) on conflict do nothing")
                .params(messageKey, Timestamp.from(now)).update() == 1;
    }

    /** Suppresses the address; returns false when it already was. */
    boolean suppress(String lookup, String reason, String source, String detail, Instant now) {
        return jdbc.sql("""
                insert into suppression (email_lookup, reason, source, detail, created_at) values (?, ?, ?, ?, ?)
                on conflict do nothing""").params(lookup, reason, source, detail, Timestamp.from(now)).update() == 1;
    }

    /** Queued deliveries to the address are skipped; a worker holding one fails its fence and sends nothing. */
    int skipQueued(String lookup) {
        return jdbc.sql("""
                update delivery set status = 'SKIPPED', reason = 'suppressed' where status = 'QUEUED'
                and subscription_id in (select s.id from subscription s join subscriber r on r.id = s.subscriber_id
                  where r.email_lookup = ?)""").param(lookup).update();
    }

    /** Adds a soft bounce, forgets those older than {@code since}, and returns how many are left. */
    int softBounce(String lookup, Instant now, Instant since) {
        jdbc.sql("insert into soft_bounce (email_lookup, bounced_at) values (?, ?)").params(lookup, Timestamp.from(now))
                .update();
        jdbc.sql("delete from soft_bounce where email_lookup = ? and bounced_at < ?").params(lookup, Timestamp.from(since))
                .update();
        return jdbc.sql("select count(*) from soft_bounce where email_lookup = ?").param(lookup).query(Integer.class)
                .single();
    }

    boolean suppressed(String lookup) {
        return jdbc.sql("select count(*) from suppression where email_lookup = ?").param(lookup).query(Integer.class)
                .single() > 0;
    }

    /** Which of these lookup hashes are suppressed. */
    Set<String> suppressedAmong(List<String> lookups) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < lookups.size(); from += 500) {
            List<String> chunk = lookups.subList(from, Math.min(lookups.size(), from + 500));
            found.addAll(jdbc.sql("select email_lookup from suppression where email_lookup in (:lookups)")
                    .param("lookups", chunk).query(String.class).list());
        }
        return found;
    }

    /** The most recent suppressions, with the subscriber's sealed address when the subscriber still exists. */
    List<Suppression> recent(int limit) {
        return jdbc.sql("""
                select x.reason, x.source, x.detail, x.created_at, r.email_sealed from suppression x
                left join subscriber r on r.email_lookup = x.email_lookup order by x.created_at desc limit ?
                """).param(limit).query((rs, n) -> new Suppression(personal.open(rs.getString("email_sealed")),
                rs.getString("reason"), rs.getString("source"), rs.getString("detail"),
                rs.getTimestamp("created_at").toInstant())).list();
    }

    int count() {
        return jdbc.sql("select count(*) from suppression").query(Integer.class).single();
    }

    /** Queued deliveries of editions still going out: the queue depth. */
    long queued() {
        return jdbc.sql("""
                select count(*) from delivery d join edition e on e.id = d.edition_id
                where e.status in ('SENDING', 'PAUSED') and d.status = 'QUEUED'""").query(Long.class).single();
    }
}
