package org.samizdat.discovery.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about the kept "Read more" picks (table {@code read_more}). */
@Repository
class ReadMoreRepository {

    private final JdbcClient jdbc;

    ReadMoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredPicks> find(long storyId) {
        return jdbc.sql("select story_id, picks, story_updated_ms, computed_at from read_more where story_id = ?")
                .param(storyId).query(ReadMoreRepository::row).optional();
    }

    /** Every kept row, without its picks: what a rebuild needs to tell which stories need new picks. */
    Map<Long, StoredPicks> all() {
        Map<Long, StoredPicks> rows = new HashMap<>();
        jdbc.sql("select story_id, story_updated_ms, computed_at from read_more").query((rs, n) -> new StoredPicks(
                rs.getLong(1), List.of(), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list().forEach(r -> rows.put(r.storyId(), r));
        return rows;
    }

    /** Replaces the story's row (a concurrent writer of the same row leaves one of the two, both fresh). */
    void save(StoredPicks picks) {
        delete(picks.storyId());
        jdbc.sql("insert into read_more (story_id, picks, story_updated_ms, computed_at) values (?, ?, ?, ?)"
                + " on conflict do nothing").params(picks.storyId(), StoredPicks.encode(picks.picks()),
                picks.storyUpdatedMs(), Timestamp.from(picks.computedAt())).update();
    }

    void delete(long storyId) {
        jdbc.sql("delete from read_more where story_id = ?").param(storyId).update();
    }

    /** Drops the rows of these stories. */
    void delete(List<Long> storyIds) {
        for (int from = 0; from < storyIds.size(); from += 500) {
            List<Long> chunk = storyIds.subList(from, Math.min(from + 500, storyIds.size()));
            jdbc.sql("delete from read_more where story_id in (" + "?,".repeat(chunk.size() - 1) + "?)")
                    .params(List.<Object>copyOf(chunk)).update();
        }
    }

    /** Drops the rows that pick this story. */
    void deletePicking(long storyId) {
        jdbc.sql("delete from read_more where picks like ?").param("%," + storyId + ",%").update();
    }

    void deleteAll() {
        jdbc.sql("delete from read_more").update();
    }

    private static StoredPicks row(ResultSet rs, int n) throws SQLException {
        return new StoredPicks(rs.getLong(1), StoredPicks.decode(rs.getString(2)), rs.getLong(3),
                rs.getTimestamp(4).toInstant());
    }
}
