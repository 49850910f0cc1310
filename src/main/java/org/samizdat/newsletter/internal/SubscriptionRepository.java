package org.samizdat.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.samizdat.shared.Language;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about newsletters, subscribers and subscriptions. */
@Repository
class SubscriptionRepository {

    private static final String SELECT = """
            select s.id, s.subscriber_id, r.email_sealed, s.status, n.id as n_id, n.code, n.language, n.name
            from subscription s join subscriber r on r.id = s.subscriber_id join newsletter n on n.id = s.newsletter_id
            """;

    private final JdbcClient jdbc;
    private final PersonalData personal;

    SubscriptionRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    List<Newsletter> newsletters() {
        return jdbc.sql("select id, code, language, name from newsletter order by id")
                .query((rs, n) -> newsletter(rs, "id")).list();
    }

    /** Creates the subscriber and a PENDING subscription when missing; safe against a concurrent twin. */
    Subscription findOrCreate(String email, Newsletter newsletter, Instant now) {
        String lookup = personal.emailLookup(email);
        jdbc.sql("insert into subscriber (email_lookup, email_sealed, created_at) values (?, ?, ?) on conflict do nothing")
                .params(lookup, personal.seal(email), Timestamp.from(now)).update();
        long subscriberId = jdbc.sql("select id from subscriber where email_lookup = ?").param(lookup)
                .query(Long.class).single();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(subscriberId, newsletter.id(), Subscription.PENDING, Timestamp.from(now)).update();
        return jdbc.sql(SELECT + " where s.subscriber_id = ? and s.newsletter_id = ?")
                .params(subscriberId, newsletter.id()).query(this::row).single();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(this::row).optional();
    }

    /** The subscriptions with these ids, in one query (a sending batch); missing ids are left out. */
    Map<Long, Subscription> findAll(Collection<Long> ids) {
        Map<Long, Subscription> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(SELECT + " where s.id in (:ids)").param("ids", List.copyOf(ids)).query(this::row).list()
                    .forEach(s -> found.put(s.id(), s));
        }
        return found;
    }

    /** A new request on an ended or expired subscription makes it pending again. */
    void markPending(long id) {
        jdbc.sql("update subscription set status = ? where id = ? and status in (?, ?)")
                .params(Subscription.PENDING, id, Subscription.UNSUBSCRIBED, Subscription.EXPIRED).update();
    }

    void activate(long id, Instant now) {
        jdbc.sql("update subscription set status = ?, confirmed_at = ?, unsubscribed_at = null where id = ?")
                .params(Subscription.ACTIVE, Timestamp.from(now), id).update();
    }

    /** Returns whether this call ended an active or pending subscription. */
    boolean unsubscribe(long id, Instant now) {
        return jdbc.sql("update subscription set status = ?, unsubscribed_at = ? where id = ? and status <> ?")
                .params(Subscription.UNSUBSCRIBED, Timestamp.from(now), id, Subscription.UNSUBSCRIBED).update() == 1;
    }

    /** Seals up to {@code limit} addresses still in clear; returns how many. */
    int sealPlainAddresses(int limit) {
        List<Object[]> plain = jdbc.sql("select id, email from subscriber where email is not null order by id limit ?")
                .param(limit).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] row : plain) {
            String email = (String) row[1];
            jdbc.sql("update subscriber set email_sealed = ?, email_lookup = ?, email = null where id = ?")
                    .params(personal.seal(email), personal.emailLookup(email), row[0]).update();
        }
        return plain.size();
    }

    /** Reseals addresses still under an older personal-data key (after a key rotation); returns how many. */
    int resealOldKeys(int limit) {
        List<Object[]> old = jdbc.sql("select id, email_sealed from subscriber where email_sealed is not null"
                        + " and email_sealed not like ? order by id limit ?")
                .params(personal.currentPrefix() + "%", limit)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] row : old) {
            jdbc.sql("update subscriber set email_sealed = ? where id = ? and email_sealed = ?")
                    .params(personal.reseal((String) row[1]), row[0], row[1]).update();
        }
        return old.size();
    }

    /** Pending subscriptions with no confirmation request since {@code cutoff} expire (or end, if once confirmed). */
    void expireUnconfirmed(Instant cutoff) {
        String stale = """
                status = 'PENDING' and not exists (select 1 from consent c where c.subscription_id = subscription.id
                  and c.requested_at >= ?)""";
        jdbc.sql("update subscription set status = ? where confirmed_at is null and " + stale)
                .params(Subscription.EXPIRED, Timestamp.from(cutoff)).update();
        jdbc.sql("update subscription set status = ? where confirmed_at is not null and " + stale)
                .params(Subscription.UNSUBSCRIBED, Timestamp.from(cutoff)).update();
    }

    /** Subscribers that still have an address but no subscription that is pending, active or ended by choice. */
    List<Long> withNothingLeft() {
        return jdbc.sql("""
                select r.id from subscriber r where r.email_sealed is not null and not exists (
                  select 1 from subscription s where s.subscriber_id = r.id and s.status in (?, ?, ?))
                """).params(Subscription.PENDING, Subscription.ACTIVE, Subscription.UNSUBSCRIBED)
                .query(Long.class).list();
    }

    /** Every subscription of the subscriber, for the preference page and the data export. */
    List<Subscription> forSubscriber(long subscriberId) {
        return jdbc.sql(SELECT + " where s.subscriber_id = ? order by n.id").param(subscriberId).query(this::row).list();
    }

    /** Forgets the address; subscriptions stay as ERASED so consent records keep their meaning. */
    void erase(long subscriberId, Instant now) {
        jdbc.sql("""
                update subscription set status = ?, unsubscribed_at = coalesce(unsubscribed_at, ?)
                where subscriber_id = ?""").params(Subscription.ERASED, Timestamp.from(now), subscriberId).update();
        jdbc.sql("""
                update subscriber set email = null, email_sealed = null, email_lookup = null, erased_at = ?
                where id = ?""").params(Timestamp.from(now), subscriberId).update();
    }

    private Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("subscriber_id"), personal.open(rs.getString("email_sealed")),
                newsletter(rs, "n_id"), rs.getString("status"));
    }

    private static Newsletter newsletter(ResultSet rs, String idColumn) throws SQLException {
        return new Newsletter(rs.getLong(idColumn), rs.getString("code"), Language.of(rs.getString("language")),
                rs.getString("name"));
    }
}
