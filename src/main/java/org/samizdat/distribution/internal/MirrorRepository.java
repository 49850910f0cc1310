package org.samizdat.distribution.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about the mirror list. */
@Repository
class MirrorRepository {

    private static final String SELECT = "select id, kind, address, label, position, live, changed_at from mirror ";

    private final JdbcClient jdbc;

    MirrorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MirrorEntry> all() {
        return jdbc.sql(SELECT + "order by live desc, position, id").query(MirrorRepository::row).list();
    }

    Optional<MirrorEntry> find(long id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(MirrorRepository::row).optional();
    }

    int count() {
        return jdbc.sql("select count(*) from mirror").query(Integer.class).single();
    }

    void insert(String kind, String address, String label, int position, Instant now) {
        jdbc.sql("insert into mirror (kind, address, label, position, live, changed_at) values (?, ?, ?, ?, true, ?)")
                .params(kind, address, label, position, Timestamp.from(now)).update();
    }

    boolean update(long id, String label, int position, boolean live, Instant now) {
        return jdbc.sql("update mirror set label = ?, position = ?, live = ?, changed_at = ? where id = ?")
                .params(label, position, live, Timestamp.from(now), id).update() == 1;
    }

    /** When the list last changed, for the signed document's issue time; null for a list never written. */
    Instant lastChange() {
        Timestamp last = jdbc.sql("select max(changed_at) from mirror").query(Timestamp.class).optional().orElse(null);
        return last == null ? null : last.toInstant();
    }

    private static MirrorEntry row(ResultSet rs, int n) throws SQLException {
        return new MirrorEntry(rs.getLong("id"), rs.getString("kind"), rs.getString("address"), rs.getString("label"),
                rs.getInt("position"), rs.getBoolean("live"), rs.getTimestamp("changed_at").toInstant());
    }
}
