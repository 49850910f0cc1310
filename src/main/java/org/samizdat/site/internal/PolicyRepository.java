package org.samizdat.site.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.shared.Language;
import org.samizdat.site.PolicyVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about versioned policy pages. */
@Repository
public class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PolicyVersion> latest(String kind, Language language) {
        return jdbc.sql("select * from policy_page where kind = ? and language = ? order by version desc limit 1")
                .params(kind, language.code()).query(PolicyRepository::row).optional();
    }

    public Optional<PolicyVersion> version(String kind, Language language, int version) {
        return jdbc.sql("select * from policy_page where kind = ? and language = ? and version = ?")
                .params(kind, language.code(), version).query(PolicyRepository::row).optional();
    }

    public List<PolicyVersion> history(String kind, Language language) {
        return jdbc.sql("select * from policy_page where kind = ? and language = ? order by version desc")
                .params(kind, language.code()).query(PolicyRepository::row).list();
    }

    public void insert(String kind, Language language, int version, String title, String markdown, String html,
            Instant now, Long staffId) {
        jdbc.sql("""
                insert into policy_page (kind, language, version, title, body_markdown, body_html, published_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(kind, language.code(), version, title, markdown, html, Timestamp.from(now), staffId).update();
    }

    private static PolicyVersion row(ResultSet rs, int n) throws SQLException {
        return new PolicyVersion(rs.getLong("id"), Language.of(rs.getString("language")), rs.getInt("version"),
                rs.getString("title"), rs.getString("body_markdown"), rs.getString("body_html"),
                rs.getTimestamp("published_at").toInstant());
    }
}
