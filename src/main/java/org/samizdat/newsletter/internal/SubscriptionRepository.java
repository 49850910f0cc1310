package org.samizdat.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about newsletters, subscribers and subscriptions. */
@Repository
class SubscriptionRepository {

    private static final String SELECT = """
            select s.id, s.subscriber_id, r.email, s.status, n.id as n_id, n.code, n.language, n.name
            from subscription s join subscriber r on r.id = s.subscriber_id join newsletter n on n.id = s.newsletter_id
            """;

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Newsletter> newsletters() {
        return jdbc.sql("select id, code, language, name from newsletter order by id")
                .query((rs, n) -> newsletter(rs, "id")).list();
    }

    /** Creates the subscriber and a PENDING subscription when missing; safe against a concurrent twin. */
    Subscription findOrCreate(String email, Newsletter newsletter, Instant now) {
        jdbc.sql("insert into subscriber (email, created_at) values (?, ?) on conflict do nothing")
                .params(email, Timestamp.from(now)).update();
        long subscriberId = jdbc.sql("select id from subscriber where email = ?").param(email)
                .query(Long.class).single();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(subscriberId, newsletter.id(), Subscription.PENDING, Timestamp.from(now)).update();
        return jdbc.sql(SELECT + " where s.subscriber_id = ? and s.newsletter_id = ?")
                .params(subscriberId, newsletter.id()).query(SubscriptionRepository::row).single();
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql(SELECT + " where s.id = ?").param(id).query(SubscriptionRepository::row).optional();
    }

    void markPending(long id) {
        jdbc.sql("update subscription set status = ? where id = ? and status = ?")
                .params(Subscription.PENDING, id, Subscription.UNSUBSCRIBED).update();
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

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getString("email"),
                newsletter(rs, "n_id"), rs.getString("status"));
    }

    private static Newsletter newsletter(ResultSet rs, String idColumn) throws SQLException {
        return new Newsletter(rs.getLong(idColumn), rs.getString("code"), Language.of(rs.getString("language")),
                rs.getString("name"));
    }
}
