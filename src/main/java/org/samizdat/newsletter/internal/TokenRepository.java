package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about link tokens; only SHA-256 hashes ever reach the database. */
@Repository
class TokenRepository {

    static final String CONFIRM = "CONFIRM";
    static final String UNSUBSCRIBE = "UNSUBSCRIBE";
    static final String PREFERENCES = "PREFERENCES";

    /** A stored token: which subscription and consent it acts on, and whether it may still be used. */
    record StoredToken(long subscriptionId, Long consentId, Instant expiresAt, Instant usedAt) {

        boolean usable(Instant now) {
            return usedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String hash, String purpose, long subscriptionId, Long consentId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into subscriber_token (token_hash, purpose, subscription_id, consent_id, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(hash, purpose, subscriptionId, consentId, Timestamp.from(now),
                expiresAt == null ? null : Timestamp.from(expiresAt)).update();
    }

    Optional<StoredToken> find(String hash, String purpose) {
        return jdbc.sql("""
                select subscription_id, consent_id, expires_at, used_at from subscriber_token
                where token_hash = ? and purpose = ?
                """).params(hash, purpose).query((rs, n) -> new StoredToken(rs.getLong("subscription_id"),
                (Long) rs.getObject("consent_id", Long.class), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("used_at")))).optional();
    }

    /** Marks a single-use token used; false when another request got there first. */
    boolean use(String hash, Instant now) {
        return jdbc.sql("update subscriber_token set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(now), hash).update() == 1;
    }

    /** Unused confirmation links of a subscription stop working once it is confirmed or ended. */
    void retireConfirmations(long subscriptionId, Instant now) {
        jdbc.sql("update subscriber_token set used_at = ? where subscription_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(now), subscriptionId, CONFIRM).update();
    }

    void deleteForSubscriber(long subscriberId) {
        jdbc.sql("delete from subscriber_token where subscription_id in (select id from subscription where subscriber_id = ?)")
                .param(subscriberId).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
