package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the subscriber desk: counts, the import of a list and the export. */
@Repository
class SubscriberListRepository {

    private final JdbcClient jdbc;
    private final PersonalData personal;

    SubscriberListRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** Subscriptions per newsletter code and status. */
    Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select n.code, s.status, count(*) as c from subscription s join newsletter n on n.id = s.newsletter_id
                group by n.code, s.status order by n.code""").query((rs, n) -> counts
                .computeIfAbsent(rs.getString("code"), k -> new LinkedHashMap<>()).put(rs.getString("status"), rs.getInt("c")))
                .list();
        return counts;
    }

    /** The status of the address's subscription to the newsletter, or null when there is none. */
    String status(String lookup, long newsletterId) {
        return jdbc.sql("""
                select s.status from subscription s join subscriber r on r.id = s.subscriber_id
                where r.email_lookup = ? and s.newsletter_id = ?""").params(lookup, newsletterId).query(String.class)
                .optional().orElse(null);
    }

    /** Makes the address an active subscriber of the newsletter (the list's consent stands for confirmation). */
    long addActive(String address, String lookup, long newsletterId, Instant now) {
        jdbc.sql("insert into subscriber (email_lookup, email_sealed, created_at) values (?, ?, ?) on conflict do nothing")
                .params(lookup, personal.seal(address), Timestamp.from(now)).update();
        long subscriberId = jdbc.sql("select id from subscriber where email_lookup = ?").param(lookup)
                .query(Long.class).single();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at)
                values (?, ?, ?, ?, ?)""").params(subscriberId, newsletterId, Subscription.ACTIVE, Timestamp.from(now),
                Timestamp.from(now)).update();
        return jdbc.sql("select id from subscription where subscriber_id = ? and newsletter_id = ?")
                .params(subscriberId, newsletterId).query(Long.class).single();
    }

    /** A consent record that says where the list's consent came from, confirmed as given. */
    void importedConsent(long subscriptionId, String source, String policyLanguage, int policyVersion, Instant now) {
        jdbc.sql("""
                insert into consent (subscription_id, form, policy_language, policy_version, notice, requested_at,
                  confirmed_at) values (?, 'import', ?, ?, ?, ?, ?)""").params(subscriptionId, policyLanguage,
                policyVersion, source, Timestamp.from(now), Timestamp.from(now)).update();
    }

    /** Every subscription with an address still kept, optionally of one newsletter, as export rows. */
    List<List<Object>> export(String newsletterCode) {
        List<List<Object>> rows = new ArrayList<>();
        jdbc.sql("""
                select r.email_sealed, n.code, s.status, s.confirmed_at, s.unsubscribed_at, x.reason,
                  (select min(c.form) from consent c where c.subscription_id = s.id) as form
                from subscription s join subscriber r on r.id = s.subscriber_id join newsletter n on n.id = s.newsletter_id
                left join suppression x on x.email_lookup = r.email_lookup
                where r.email_sealed is not null and (? = '' or n.code = ?) order by s.id
                """).params(newsletterCode, newsletterCode).query(rs -> {
                    rows.add(Arrays.asList(personal.open(rs.getString("email_sealed")), rs.getString("code"),
                            rs.getString("status"), instant(rs.getTimestamp("confirmed_at")),
                            instant(rs.getTimestamp("unsubscribed_at")), rs.getString("form"), rs.getString("reason")));
                });
        return rows;
    }

    private static String instant(Timestamp at) {
        return at == null ? "" : at.toInstant().toString();
    }
}
