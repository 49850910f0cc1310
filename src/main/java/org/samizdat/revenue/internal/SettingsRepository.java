package org.samizdat.revenue.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the revenue settings table: every stored setting, one setting, and saving settings. */
@Repository
class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> all() {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select name, setting_value from revenue_setting where name <> 'secret'")
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    Optional<String> get(String name) {
        return jdbc.sql("select setting_value from revenue_setting where name = ?").param(name).query(String.class).optional();
    }

    void put(String name, String value, Instant at) {
        int updated = jdbc.sql("update revenue_setting set setting_value = ?, changed_at = ? where name = ?")
                .params(value, java.sql.Timestamp.from(at), name).update();
        if (updated == 0) {
            insertIfAbsent(name, value, at);
        }
    }

    void insertIfAbsent(String name, String value, Instant at) {
        jdbc.sql("insert into revenue_setting (name, setting_value, changed_at) values (?, ?, ?) on conflict do nothing")
                .params(name, value, java.sql.Timestamp.from(at)).update();
    }
}
