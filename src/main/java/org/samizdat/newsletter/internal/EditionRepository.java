package org.samizdat.newsletter.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about editions and their stories. */
@Repository
class EditionRepository {

    private static final String SELECT = """
            select e.id, e.subject, e.preheader, e.intro, e.status, e.sent_at, e.send_at, n.id as n_id, n.code, n.language, n.name
            from edition e join newsletter n on n.id = e.newsletter_id
            """;

    private final JdbcClient jdbc;

    EditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long newsletterId, String subject, String preheader, String intro, Long staffId, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into edition (newsletter_id, subject, preheader, intro, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(newsletterId, subject, preheader, intro, Edition.DRAFT, staffId, Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertItem(long editionId, int position, Edition.Item item) {
        jdbc.sql("""
                insert into edition_item (edition_id, position, story_id, headline, standfirst, path)
                values (?, ?, ?, ?, ?, ?)
                """).params(editionId, position, item.storyId(), item.headline(), item.standfirst(), item.path()).update();
    }

    /** Locks a draft's row until the transaction ends; false when it is not a draft (any more). */
    boolean lockDraft(long id) {
        return jdbc.sql("select id from edition where id = ? and status = ? for update").params(id, Edition.DRAFT)
                .query(Long.class).optional().isPresent();
    }

    /** Rewrites a draft's text and stories; its schedule ({@code send_at}) stays as it is. */
    void update(long id, String subject, String preheader, String intro, List<Edition.Item> items) {
        jdbc.sql("update edition set subject = ?, preheader = ?, intro = ? where id = ? and status = ?")
                .params(subject, preheader, intro, id, Edition.DRAFT).update();
        jdbc.sql("delete from edition_item where edition_id = ?").param(id).update();
        for (int i = 0; i < items.size(); i++) {
            insertItem(id, i, items.get(i));
        }
    }

    Optional<Edition> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query((rs, n) -> new Edition(rs.getLong("id"),
                new Newsletter(rs.getLong("n_id"), rs.getString("code"), Language.of(rs.getString("language")),
                        rs.getString("name")), rs.getString("subject"), rs.getString("preheader"), rs.getString("intro"),
                rs.getString("status"), rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                items(id), instant(rs.getTimestamp("send_at")))).optional();
    }

    /** Only the status of an edition (the sending engine checks it often for a pause or a cancel). */
    Optional<String> status(long id) {
        return jdbc.sql("select status from edition where id = ?").param(id).query(String.class).optional();
    }

    /** Sent (or sending) editions of a language's newsletters, newest first. */
    List<Long> archive(Language language, int limit) {
        return jdbc.sql("""
                select e.id from edition e join newsletter n on n.id = e.newsletter_id
                where n.language = ? and e.status in ('SENDING', 'PAUSED', 'SENT') order by e.sent_at desc, e.id desc limit ?
                """).params(language.code(), limit).query(Long.class).list();
    }

    List<Long> recent(int limit) {
        return jdbc.sql("select id from edition order by id desc limit ?").param(limit).query(Long.class).list();
    }

    /** Freezes a draft; false when it was not a draft any more (sent twice, or by two editors at once). */
    boolean freeze(long id, Instant now) {
        return jdbc.sql("update edition set status = ?, sent_at = ? where id = ? and status = ?")
                .params(Edition.SENDING, Timestamp.from(now), id, Edition.DRAFT).update() == 1;
    }

    /** Schedules a draft (or moves its time); false when it is not a draft any more. */
    boolean schedule(long id, Instant at) {
        return jdbc.sql("update edition set send_at = ? where id = ? and status = ?")
                .params(Timestamp.from(at), id, Edition.DRAFT).update() == 1;
    }

    /** Takes a draft off the schedule; false when it was not a scheduled draft. */
    boolean unschedule(long id) {
        return jdbc.sql("update edition set send_at = null where id = ? and status = ? and send_at is not null")
                .params(id, Edition.DRAFT).update() == 1;
    }

    /** A scheduled draft whose time has come. */
    record Due(long id, Instant sendAt) {
    }

    List<Due> dueForSending(Instant now) {
        return jdbc.sql("select id, send_at from edition where status = ? and send_at <= ? order by send_at, id")
                .params(Edition.DRAFT, Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getTimestamp("send_at").toInstant())).list();
    }

    /** Freezes a draft still scheduled for {@code sendAt}: an editor's cancel or new time wins over a stale run. */
    boolean freezeScheduled(long id, Instant sendAt, Instant now) {
        return jdbc.sql("update edition set status = ?, sent_at = ? where id = ? and status = ? and send_at = ?")
                .params(Edition.SENDING, Timestamp.from(now), id, Edition.DRAFT, Timestamp.from(sendAt)).update() == 1;
    }

    /** When the newsletter's last edition went out, if any did. */
    Optional<Instant> lastSent(long newsletterId) {
        return jdbc.sql("""
                select max(sent_at) from edition where newsletter_id = ? and status in ('SENDING', 'PAUSED', 'SENT')
                """).param(newsletterId).query((rs, n) -> Optional.ofNullable(instant(rs.getTimestamp(1)))).single();
    }

    /** Marks editions SENT once no delivery of theirs is still queued (waiting, in flight or due for a retry). */
    void finishDone() {
        jdbc.sql("""
                update edition set status = 'SENT' where status = 'SENDING' and not exists (
                  select 1 from delivery d where d.edition_id = edition.id and d.status = 'QUEUED')
                """).update();
    }

    /** Moves an edition from one status to another; false when it was not in {@code from}. */
    boolean move(long id, String from, String to) {
        return jdbc.sql("update edition set status = ? where id = ? and status = ?").params(to, id, from).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private List<Edition.Item> items(long editionId) {
        return jdbc.sql("select * from edition_item where edition_id = ? order by position").param(editionId)
                .query((rs, n) -> new Edition.Item(rs.getLong("story_id"), rs.getString("headline"),
                        rs.getString("standfirst"), rs.getString("path"))).list();
    }
}
