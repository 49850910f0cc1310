package org.samizdat.staff.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about staff accounts. */
@Repository
public class StaffAccounts {

    private static final String COLUMNS = "id, username, display_name, role, enabled, created_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<StaffAccount> all() {
        return jdbc.sql("select " + COLUMNS + " from staff order by username").query(StaffAccounts::account).list();
    }

    public Optional<StaffAccount> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from staff where id = ?").param(id).query(StaffAccounts::account)
                .optional();
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from staff where username = ?").param(username)
                .query(StaffAccounts::account).optional();
    }

    Optional<StaffPrincipal> principal(String username) {
        return jdbc.sql("select " + COLUMNS + ", password_hash from staff where username = ?").param(username)
                .query((rs, n) -> new StaffPrincipal(account(rs, n), rs.getString("password_hash"))).optional();
    }

    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from staff where id = ?").param(id).query(String.class).optional();
    }

    public long insert(String username, String displayName, Role role, String passwordHash) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into staff (username, display_name, password_hash, role, enabled, created_at)"
                        + " values (?, ?, ?, ?, true, ?)")
                .params(username, displayName, passwordHash, role.name(), Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Inserts the account only while the staff table is empty; true if this call created it. */
    boolean insertIfNoStaff(String username, String displayName, Role role, String passwordHash) {
        return jdbc.sql("insert into staff (username, display_name, password_hash, role, enabled, created_at)"
                        + " select ?, ?, ?, ?, true, ? where not exists (select 1 from staff)")
                .params(username, displayName, passwordHash, role.name(), Timestamp.from(clock.instant()))
                .update() == 1;
    }

    public int count() {
        return jdbc.sql("select count(*) from staff").query(Integer.class).single();
    }

    public void setRole(long id, Role role) {
        jdbc.sql("update staff set role = ? where id = ?").params(role.name(), id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update staff set enabled = ? where id = ?").params(enabled, id).update();
    }

    public void setPasswordHash(long id, String hash) {
        jdbc.sql("update staff set password_hash = ? where id = ?").params(hash, id).update();
    }

    void setPasswordHash(String username, String hash) {
        jdbc.sql("update staff set password_hash = ? where username = ?").params(hash, username).update();
    }

    static StaffAccount account(ResultSet rs, int n) throws SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
