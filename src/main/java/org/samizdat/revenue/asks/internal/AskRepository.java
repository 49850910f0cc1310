package org.samizdat.revenue.asks.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.samizdat.revenue.asks.Ask;
import org.samizdat.revenue.asks.AskEvent;
import org.samizdat.revenue.asks.AskKind;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about asks: the variants and their aggregate counters. */
@Repository
class AskRepository {

    private static final String COLUMNS = """
            id, kind, language, name, active, headline, body, signature, button, amounts_once, amounts_monthly,
            amounts_annual, methods, show_goal""";

    private final JdbcClient jdbc;

    AskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Ask> all() {
        return jdbc.sql("select " + COLUMNS + " from ask order by language, kind, active desc, id")
                .query(AskRepository::ask).list();
    }

    List<Ask> live(Language language) {
        return jdbc.sql("select " + COLUMNS + " from ask where language = ? and active order by id")
                .param(language.code()).query(AskRepository::ask).list();
    }

    Optional<Ask> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from ask where id = ?").param(id).query(AskRepository::ask).optional();
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from ask where id = ?").param(id).query(Long.class).single() > 0;
    }

    long insert(Ask ask, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ask (kind, language, name, active, headline, body, signature, button, amounts_once,
                  amounts_monthly, amounts_annual, methods, show_goal, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(ask.kind().name(), ask.language().code(), ask.name(), ask.active(), ask.headline(),
                ask.body(), ask.signature(), ask.button(), ask.amountsOnce(), ask.amountsMonthly(), ask.amountsAnnual(),
                ask.methods(), ask.showGoal(), Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(Ask ask, Instant now) {
        jdbc.sql("""
                update ask set name = ?, active = ?, headline = ?, body = ?, signature = ?, button = ?, amounts_once = ?,
                  amounts_monthly = ?, amounts_annual = ?, methods = ?, show_goal = ?, updated_at = ?
                where id = ?
                """).params(ask.name(), ask.active(), ask.headline(), ask.body(), ask.signature(), ask.button(),
                ask.amountsOnce(), ask.amountsMonthly(), ask.amountsAnnual(), ask.methods(), ask.showGoal(),
                Timestamp.from(now), ask.id()).update();
    }

    boolean any() {
        return jdbc.sql("select count(*) from ask").query(Long.class).single() > 0;
    }

    /** Adds one to the day's counter; the insert-if-missing is safe when two requests race for a new row. */
    void count(long askId, AskEvent event, LocalDate day) {
        String increment = "update ask_count set hits = hits + 1 where ask_id = ? and event = ? and on_day = ?";
        if (jdbc.sql(increment).params(askId, event.code(), Date.valueOf(day)).update() == 0) {
            int inserted = jdbc.sql("insert into ask_count (ask_id, event, on_day, hits) values (?, ?, ?, 1) on conflict do nothing")
                    .params(askId, event.code(), Date.valueOf(day)).update();
            if (inserted == 0) {
                jdbc.sql(increment).params(askId, event.code(), Date.valueOf(day)).update();
            }
        }
    }

    /** Totals per variant and event since a day (inclusive). */
    List<AskTotal> totals(LocalDate since) {
        return jdbc.sql("select ask_id, event, sum(hits) as total from ask_count where on_day >= ? group by ask_id, event")
                .param(Date.valueOf(since))
                .query((rs, n) -> new AskTotal(rs.getLong("ask_id"), rs.getString("event"), rs.getLong("total"))).list();
    }

    /** One variant's total of one event. */
    record AskTotal(long askId, String event, long total) {
    }

    private static Ask ask(ResultSet rs, int row) throws SQLException {
        return new Ask(rs.getLong("id"), AskKind.valueOf(rs.getString("kind")), Language.of(rs.getString("language")),
                rs.getString("name"), rs.getBoolean("active"), rs.getString("headline"), rs.getString("body"),
                rs.getString("signature"), rs.getString("button"), rs.getString("amounts_once"),
                rs.getString("amounts_monthly"), rs.getString("amounts_annual"), rs.getString("methods"),
                rs.getBoolean("show_goal"));
    }
}
