package org.samizdat.revenue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.samizdat.shared.Language;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for supporters. Addresses and names are sealed here on the way in and opened on the way out. */
@Repository
class SupporterRepository {

    private final JdbcClient jdbc;
    private final PersonalData personal;

    SupporterRepository(JdbcClient jdbc, PersonalData personal) {
        this.jdbc = jdbc;
        this.personal = personal;
    }

    /** The supporter with this address, created when new (a concurrent creation of the same address is fine). */
    UUID findOrCreate(String email, String name, boolean anonymous, Language language, Instant at) {
        String lookup = personal.emailLookup(email);
        jdbc.sql("""
                insert into revenue_supporter (id, email_sealed, email_lookup, name_sealed, anonymous, language, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(UUID.randomUUID(), personal.seal(email.strip()), lookup,
                name == null || name.isBlank() ? null : personal.seal(name.strip()), anonymous, language.code(),
                Timestamp.from(at)).update();
        return jdbc.sql("select id from revenue_supporter where email_lookup = ?").param(lookup).query(UUID.class).single();
    }

    /** Reseals addresses and names still under an older personal-data key (after a key rotation); returns how many. */
    int resealOldKeys(int limit) {
        String current = personal.currentPrefix() + "%";
        List<Object[]> old = jdbc.sql("select id, email_sealed, name_sealed from revenue_supporter"
                        + " where email_sealed not like ? or (name_sealed is not null and name_sealed not like ?)"
                        + " order by id limit ?")
                .params(current, current, limit)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}).list();
        for (Object[] row : old) {
            jdbc.sql("update revenue_supporter set email_sealed = ?, name_sealed = ? where id = ? and email_sealed = ?")
                    .params(personal.reseal((String) row[1]), personal.reseal((String) row[2]), row[0], row[1]).update();
        }
        return old.size();
    }

    Optional<Supporter> find(UUID id) {
        return jdbc.sql("select * from revenue_supporter where id = ?").param(id).query(this::row).optional();
    }

    List<Supporter> recent(int limit, int offset) {
        return jdbc.sql("select * from revenue_supporter where erased_at is null order by created_at desc limit ? offset ?")
                .params(limit, offset).query(this::row).list();
    }

    /** Removes the sealed address, name and lookup hash; the row stays for the ledger. False when already erased. */
    boolean erase(UUID id, Instant at) {
        return jdbc.sql("""
                update revenue_supporter set email_sealed = null, email_lookup = null, name_sealed = null,
                  anonymous = true, erased_at = ? where id = ? and erased_at is null
                """).params(Timestamp.from(at), id).update() == 1;
    }

    boolean erased(UUID id) {
        return jdbc.sql("select count(*) from revenue_supporter where id = ? and erased_at is not null").param(id)
                .query(Integer.class).single() > 0;
    }

    private Supporter row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Supporter(rs.getObject("id", UUID.class), personal.open(rs.getString("email_sealed")),
                personal.open(rs.getString("name_sealed")), rs.getBoolean("anonymous"),
                Language.of(rs.getString("language")), rs.getTimestamp("created_at").toInstant());
    }
}
