package org.samizdat.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about the audit log; append and read, nothing else. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Instant at, Long actorId, String actor, AuditAction action, String subject) {
        jdbc.sql("insert into audit_event (at, actor_id, actor, action, subject) values (?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), actorId, actor, action.name(), subject).update();
    }

    public List<AuditEntry> recent(int limit, int offset) {
        return jdbc.sql("select * from audit_event order by at desc, id desc limit ? offset ?").params(limit, offset)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"), rs.getString("actor"),
                        AuditAction.valueOf(rs.getString("action")), rs.getString("subject")))
                .list();
    }

    public int count() {
        return jdbc.sql("select count(*) from audit_event").query(Integer.class).single();
    }
}
