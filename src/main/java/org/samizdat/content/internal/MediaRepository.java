package org.samizdat.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about stored photos. */
@Repository
class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MediaInfo> find(long id) {
        return jdbc.sql("select * from media where id = ?").param(id).query(MediaRepository::info).optional();
    }

    Optional<Long> idBySha(String sha256) {
        return jdbc.sql("select id from media where sha256 = ?").param(sha256).query(Long.class).optional();
    }

    /** Up to {@code limit} photos with ids above {@code afterId}, in id order: a page of a walk over them all. */
    List<MediaInfo> after(long afterId, int limit) {
        return jdbc.sql("select * from media where id > ? order by id limit ?").params(afterId, limit)
                .query(MediaRepository::info).list();
    }

    /** Records a photo once per content hash; a concurrent upload of the same bytes gets the same id. */
    long insert(String sha256, String contentType, int width, int height, long bytes, Instant now) {
        jdbc.sql("insert into media (sha256, content_type, width, height, bytes, created_at) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(sha256, contentType, width, height, bytes, Timestamp.from(now)).update();
        return idBySha(sha256).orElseThrow();
    }

    private static MediaInfo info(ResultSet rs, int n) throws SQLException {
        return new MediaInfo(rs.getLong("id"), rs.getString("sha256"), rs.getString("content_type"), rs.getInt("width"),
                rs.getInt("height"), rs.getLong("bytes"), rs.getTimestamp("created_at").toInstant());
    }
}
