package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test readers written straight to the database: an active weekly-en subscriber with one queued delivery. */
final class QueuedReaders {

    private QueuedReaders() {
    }

    /** Adds the reader and queues the edition for them; returns the delivery's id. */
    static long queue(JdbcClient jdbc, PersonalData personal, long edition, String email, Instant now) {
        Timestamp at = Timestamp.from(now);
        String lookup = personal.emailLookup(email);
        jdbc.sql("insert into subscriber (email_sealed, email_lookup, created_at) values (?, ?, ?)")
                .params(personal.seal(email), lookup, at).update();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at)
                select r.id, n.id, 'ACTIVE', ? from subscriber r, newsletter n where r.email_lookup = ? and n.code = 'weekly-en'
                """).params(at, lookup).update();
        jdbc.sql("""
                insert into delivery (edition_id, subscription_id, status) select ?, s.id, 'QUEUED' from subscription s
                join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?""").params(edition, lookup).update();
        return jdbc.sql("select max(id) from delivery").query(Long.class).single();
    }
}
