package org.samizdat.newsletter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about newsletters' weekly schedules. */
@Repository
class ScheduleRepository {

    private static final String SELECT = "select newsletter_id, day_of_week, local_time, zone, next_run_at from newsletter_schedule";

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WeeklySchedule> find(long newsletterId) {
        return jdbc.sql(SELECT + " where newsletter_id = ?").param(newsletterId).query(ScheduleRepository::row).optional();
    }

    List<WeeklySchedule> due(Instant now) {
        return jdbc.sql(SELECT + " where next_run_at <= ? order by next_run_at").param(Timestamp.from(now))
                .query(ScheduleRepository::row).list();
    }

    void save(long newsletterId, WeeklyRule rule, Instant next, Long staffId, Instant now) {
        int updated = jdbc.sql("""
                update newsletter_schedule set day_of_week = ?, local_time = ?, zone = ?, next_run_at = ?, updated_by = ?,
                  updated_at = ? where newsletter_id = ?""")
                .params(rule.day().getValue(), rule.timeText(), rule.zone().getId(), Timestamp.from(next), staffId,
                        Timestamp.from(now), newsletterId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into newsletter_schedule (newsletter_id, day_of_week, local_time, zone, next_run_at, updated_by,
                      updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(newsletterId, rule.day().getValue(), rule.timeText(), rule.zone().getId(), Timestamp.from(next),
                            staffId, Timestamp.from(now)).update();
        }
    }

    boolean delete(long newsletterId) {
        return jdbc.sql("delete from newsletter_schedule where newsletter_id = ?").param(newsletterId).update() == 1;
    }

    /** Moves the schedule on from the occurrence just drafted; false when someone else already did (or changed it). */
    boolean advance(long newsletterId, Instant drafted, Instant next) {
        return jdbc.sql("update newsletter_schedule set next_run_at = ? where newsletter_id = ? and next_run_at = ?")
                .params(Timestamp.from(next), newsletterId, Timestamp.from(drafted)).update() == 1;
    }

    private static WeeklySchedule row(ResultSet rs, int n) throws SQLException {
        return new WeeklySchedule(rs.getLong("newsletter_id"), new WeeklyRule(DayOfWeek.of(rs.getInt("day_of_week")),
                LocalTime.parse(rs.getString("local_time")), ZoneId.of(rs.getString("zone"))),
                rs.getTimestamp("next_run_at").toInstant());
    }
}
