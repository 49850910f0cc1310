package org.samizdat.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about consent records. */
@Repository
class ConsentRepository {

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long subscriptionId, String form, String policyLanguage, int policyVersion, String notice,
            String clientHmac, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into consent (subscription_id, form, policy_language, policy_version, notice, client_hmac,
                  requested_at) values (?, ?, ?, ?, ?, ?, ?)
                """).params(subscriptionId, form, policyLanguage, policyVersion, notice, clientHmac, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void confirm(long consentId, Instant now) {
        jdbc.sql("update consent set confirmed_at = ? where id = ? and confirmed_at is null")
                .params(Timestamp.from(now), consentId).update();
    }

    /** Ends every consent of the subscription that is still in force. */
    void withdraw(long subscriptionId, String via, Instant now) {
        jdbc.sql("""
                update consent set withdrawn_at = ?, withdrawn_via = ?
                where subscription_id = ? and withdrawn_at is null and confirmed_at is not null
                """).params(Timestamp.from(now), via, subscriptionId).update();
    }

    /** Withdraws what is in force and drops the keyed client-address hash of every record of the subscriber. */
    void anonymise(long subscriberId, String via, Instant now) {
        jdbc.sql("""
                update consent set withdrawn_at = ?, withdrawn_via = ?
                where withdrawn_at is null and confirmed_at is not null
                  and subscription_id in (select id from subscription where subscriber_id = ?)
                """).params(Timestamp.from(now), via, subscriberId).update();
        jdbc.sql("""
                update consent set client_hmac = null
                where subscription_id in (select id from subscription where subscriber_id = ?)
                """).param(subscriberId).update();
    }

    List<ConsentRecord> forSubscriber(long subscriberId) {
        return jdbc.sql("""
                select * from consent where subscription_id in (select id from subscription where subscriber_id = ?)
                order by id""").param(subscriberId).query(ConsentRepository::row).list();
    }

    List<ConsentRecord> forSubscription(long subscriptionId) {
        return jdbc.sql("select * from consent where subscription_id = ? order by id").param(subscriptionId)
                .query(ConsentRepository::row).list();
    }

    private static ConsentRecord row(ResultSet rs, int n) throws SQLException {
        return new ConsentRecord(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("form"),
                rs.getString("policy_language"), rs.getInt("policy_version"), rs.getString("notice"),
                rs.getString("client_hmac"), instant(rs, "requested_at"), instant(rs, "confirmed_at"),
                instant(rs, "withdrawn_at"), rs.getString("withdrawn_via"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
