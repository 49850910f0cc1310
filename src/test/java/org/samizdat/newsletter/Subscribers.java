package org.samizdat.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Subscriber rows as the application keeps them: addresses sealed, found by their keyed lookup hash. */
final class Subscribers {

    private final JdbcClient jdbc;
    private final PersonalData personal;

    Subscribers(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** The lookup hash the subscriber table is searched by. */
    String lookup(String email) {
        return personal.emailLookup(email);
    }

    /** How many stored addresses match a SQL LIKE pattern ({@code %} only), opened one by one. */
    int count(String like) {
        Pattern pattern = Pattern.compile(Pattern.quote(like).replace("%", "\\E.*\\Q"));
        return (int) jdbc.sql("select email_sealed from subscriber where email_sealed is not null").query(String.class)
                .list().stream().map(personal::open).filter(e -> pattern.matcher(e).matches()).count();
    }

    /** Adds a subscriber (sealed, as sign-ups store it) on one newsletter in the given state. */
    void add(String email, String newsletter, String status) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into subscriber (email_sealed, email_lookup, created_at) values (?, ?, ?)")
                .params(personal.seal(email), lookup(email), now).update();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at)
                select r.id, n.id, ?, ? from subscriber r, newsletter n where r.email_lookup = ? and n.code = ?
                """).params(status, now, lookup(email), newsletter).update();
    }
}
