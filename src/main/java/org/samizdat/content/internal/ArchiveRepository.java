package org.samizdat.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.SectionRef;
import org.samizdat.content.StoryCard;
import org.samizdat.content.StoryStamp;
import org.samizdat.content.StoryText;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for reading live stories in bulk: full texts for indexes and feeds, stamps for sitemaps. */
@Repository
public class ArchiveRepository {

    private static final String TEXT = "select s.id, s.language, s.slug, s.headline, s.standfirst, s.body_html,"
            + " s.published_at, s.updated_at, sec.id as sec_id, sec.slug as sec_slug, sec.name_en as sec_name_en,"
            + " sec.name_ru as sec_name_ru, sec.position as sec_position"
            + " from story s left join section sec on sec.id = s.section_id where s.status = 'PUBLISHED' ";
    private static final String STAMP = "select id, language, slug, headline, published_at, updated_at from story"
            + " where status = 'PUBLISHED' ";

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Live stories with ids in {@code (afterId, upToId]}, in id order. A range on the primary key rather than
     * "order by id limit n", which H2 may answer by sorting every live story for each page.
     */
    public List<StoryText> textsBetween(long afterId, long upToId) {
        return withLinks(jdbc.sql(TEXT + "and s.id > ? and s.id <= ? order by s.id").params(afterId, upToId)
                .query(ArchiveRepository::text).list());
    }

    public long maxId() {
        return jdbc.sql("select coalesce(max(id), 0) from story").query(Long.class).single();
    }

    /** The live ones among these ids, in the order given. */
    public List<StoryText> texts(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoryText> byId = new HashMap<>();
        withLinks(jdbc.sql(TEXT + "and s.id in (" + marks(ids.size()) + ")").params(new ArrayList<Object>(ids))
                .query(ArchiveRepository::text).list()).forEach(t -> byId.put(t.id(), t));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /** The live ones among these ids as cards, in the order given. */
    public List<StoryCard> cards(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoryCard> byId = new HashMap<>();
        jdbc.sql("select " + StoryRepository.CARD_COLUMNS + " from story s left join section sec on sec.id = s.section_id"
                        + " where s.status = 'PUBLISHED' and s.id in (" + marks(ids.size()) + ")")
                .params(new ArrayList<Object>(ids)).query(StoryRepository::card).list().forEach(c -> byId.put(c.id(), c));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /** Changes whenever a story goes live, is withdrawn or a live story is edited. */
    public String fingerprint() {
        return jdbc.sql("select count(*) as n, coalesce(sum(id), 0) as ids, max(updated_at) as updated from story"
                + " where status = 'PUBLISHED'").query((rs, n) -> rs.getLong("n") + "/" + rs.getLong("ids") + "/"
                + StoryRepository.instant(rs, "updated")).single();
    }

    public int countLive() {
        return jdbc.sql("select count(*) from story where status = 'PUBLISHED'").query(Integer.class).single();
    }

    public List<StoryStamp> stamps(int limit, int offset) {
        return jdbc.sql(STAMP + "order by id limit ? offset ?").params(limit, offset)
                .query(ArchiveRepository::stamp).list();
    }

    /** Ids of the live stories, ascending; read from an index, not from the rows. */
    public List<Long> liveIds() {
        return jdbc.sql("select id from story where status = 'PUBLISHED' order by id").query(Long.class).list();
    }

    /** Live stories last changed at or after {@code since} (index {@code story_live_changed}). */
    public List<StoryStamp> changedSince(Instant since) {
        return jdbc.sql(STAMP + "and updated_at >= ? order by id").param(StoryRepository.ts(since))
                .query(ArchiveRepository::stamp).list();
    }

    public List<StoryStamp> publishedSince(Instant since, int limit) {
        return jdbc.sql(STAMP + "and published_at >= ? order by published_at desc, id desc limit ?")
                .params(StoryRepository.ts(since), limit).query(ArchiveRepository::stamp).list();
    }

    private List<StoryText> withLinks(List<StoryText> texts) {
        if (texts.isEmpty()) {
            return texts;
        }
        List<Object> ids = texts.stream().map(t -> (Object) t.id()).toList();
        String in = "(" + marks(ids.size()) + ")";
        Map<Long, List<TagRef>> tags = new LinkedHashMap<>();
        jdbc.sql("select st.story_id, t.id, t.language, t.slug, t.name from tag t join story_tag st on st.tag_id = t.id"
                + " where st.story_id in " + in + " order by t.name").params(ids).query((rs, n) -> tags
                .computeIfAbsent(rs.getLong("story_id"), k -> new ArrayList<>()).add(CatalogRepository.tag(rs, n))).list();
        Map<Long, List<AuthorRef>> authors = new LinkedHashMap<>();
        jdbc.sql("select sa.story_id, a.id, a.slug, a.name, a.bio, a.photo_id from author a join story_author sa"
                + " on sa.author_id = a.id where sa.story_id in " + in + " order by sa.position").params(ids)
                .query((rs, n) -> authors.computeIfAbsent(rs.getLong("story_id"), k -> new ArrayList<>())
                        .add(CatalogRepository.author(rs, n))).list();
        return texts.stream().map(t -> new StoryText(t.id(), t.language(), t.slug(), t.headline(), t.standfirst(),
                t.bodyHtml(), t.section(), tags.getOrDefault(t.id(), List.of()), authors.getOrDefault(t.id(), List.of()),
                t.publishedAt(), t.updatedAt())).toList();
    }

    private static StoryText text(ResultSet rs, int n) throws SQLException {
        long sectionId = rs.getLong("sec_id");
        SectionRef section = rs.wasNull() ? null : new SectionRef(sectionId, rs.getString("sec_slug"),
                rs.getString("sec_name_en"), rs.getString("sec_name_ru"), rs.getInt("sec_position"));
        return new StoryText(rs.getLong("id"), Language.of(rs.getString("language")), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), rs.getString("body_html"), section, List.of(),
                List.of(), StoryRepository.instant(rs, "published_at"), StoryRepository.instant(rs, "updated_at"));
    }

    private static StoryStamp stamp(ResultSet rs, int n) throws SQLException {
        return new StoryStamp(rs.getLong("id"), Language.of(rs.getString("language")), rs.getString("slug"),
                rs.getString("headline"), StoryRepository.instant(rs, "published_at"),
                StoryRepository.instant(rs, "updated_at"));
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
