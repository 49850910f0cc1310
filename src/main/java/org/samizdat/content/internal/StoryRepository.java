package org.samizdat.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.PublishedStory;
import org.samizdat.content.SectionRef;
import org.samizdat.content.StoryCard;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about stories: reading listings and pages, saving drafts, revisions and old slugs. */
@Repository
public class StoryRepository {

    static final String CARD_COLUMNS = """
            s.id, s.language, s.slug, s.headline, s.standfirst, s.published_at, s.lead_media_id, s.lead_caption,
            sec.id as sec_id, sec.slug as sec_slug, sec.name_en as sec_name_en, sec.name_ru as sec_name_ru,
            sec.position as sec_position
            """;
    private static final String CARD_FROM = " from story s left join section sec on sec.id = s.section_id ";
    private static final String LIVE = " s.status = 'PUBLISHED' ";
    /**
     * An author's live stories in one edition. The left join (the where clause makes it an inner one) keeps H2
     * from starting at the edition's index and looking up every live story of the edition in story_author, on
     * every page of the listing: it starts at the author's rows instead, and PostgreSQL plans it as an inner join.
     */
    /** A tag's live stories, in both editions. */
    private static final String TAGGED = " from story_tag st join story s on s.id = st.story_id where" + LIVE
            + "and st.tag_id = ?";
    private static final String BY_AUTHOR = " from story_author sa left join story s on s.id = sa.story_id"
            + " where sa.author_id = ? and" + LIVE + "and s.language = ?";

    private final JdbcClient jdbc;

    StoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reader side ----

    /** Featured live stories first, then the newest; two index-ordered queries instead of one table sort. */
    public List<StoryCard> latest(Language language, int limit) {
        List<StoryCard> front = new java.util.ArrayList<>(jdbc.sql("select " + CARD_COLUMNS + CARD_FROM + "where"
                        + LIVE + "and s.featured = true and s.language = ? order by s.published_at desc, s.id desc limit ?")
                .params(language.code(), limit).query(StoryRepository::card).list());
        for (StoryCard card : latestChronological(language, limit, 0)) {
            if (front.size() < limit && front.stream().noneMatch(c -> c.id() == card.id())) {
                front.add(card);
            }
        }
        return front;
    }

    public List<StoryCard> latestChronological(Language language, int limit, int offset) {
        return page("select s.id from story s where" + LIVE + "and s.language = ?", limit, offset, language.code());
    }

    public List<StoryCard> inSection(Language language, long sectionId, int limit, int offset) {
        return page("select s.id from story s where" + LIVE + "and s.language = ? and s.section_id = ?", limit, offset,
                language.code(), sectionId);
    }

    public int countInSection(Language language, long sectionId) {
        return jdbc.sql("select count(*) from story s where" + LIVE + "and s.language = ? and s.section_id = ?")
                .params(language.code(), sectionId).query(Integer.class).single();
    }

    public List<StoryCard> withTag(long tagId, int limit, int offset) {
        return page("select s.id" + TAGGED, limit, offset, tagId);
    }

    public int countWithTag(long tagId) {
        return jdbc.sql("select count(*)" + TAGGED).param(tagId).query(Integer.class).single();
    }

    public List<StoryCard> byAuthor(Language language, long authorId, int limit, int offset) {
        return page("select s.id" + BY_AUTHOR, limit, offset, authorId, language.code());
    }

    public int countByAuthor(Language language, long authorId) {
        return jdbc.sql("select count(*)" + BY_AUTHOR).params(authorId, language.code()).query(Integer.class).single();
    }

    /** One page of a tag's live stories, newest first, with their number, in one query. */
    public ListingPage withTagCounted(long tagId, int limit, int offset) {
        return counted(TAGGED, limit, offset, () -> countWithTag(tagId), tagId);
    }

    /** One page of an author's live stories in one edition, newest first, with their number, in one query. */
    public ListingPage byAuthorCounted(Language language, long authorId, int limit, int offset) {
        return counted(BY_AUTHOR, limit, offset, () -> countByAuthor(language, authorId), authorId, language.code());
    }

    public int countLive(Language language) {
        return jdbc.sql("select count(*) from story s where" + LIVE + "and s.language = ?")
                .param(language.code()).query(Integer.class).single();
    }

    public Optional<Long> liveIdBySlug(Language language, String slug) {
        return jdbc.sql("select id from story s where" + LIVE + "and s.language = ? and s.slug = ?")
                .params(language.code(), slug).query(Long.class).optional();
    }

    /** The current slug of a live story that used to be reachable under {@code oldSlug}. */
    public Optional<String> currentSlugFor(Language language, String oldSlug) {
        return jdbc.sql("select s.slug from story_slug_history h join story s on s.id = h.story_id where"
                        + LIVE + "and h.language = ? and h.slug = ?")
                .params(language.code(), oldSlug).query(String.class).optional();
    }

    public List<AuthorRef> authorsOf(long storyId) {
        return jdbc.sql("select a.id, a.slug, a.name, a.bio, a.photo_id from author a join story_author sa"
                        + " on sa.author_id = a.id where sa.story_id = ? order by sa.position")
                .param(storyId).query(CatalogRepository::author).list();
    }

    public List<TagRef> tagsOf(long storyId) {
        return jdbc.sql("select t.id, t.language, t.slug, t.name from tag t join story_tag st on st.tag_id = t.id"
                        + " where st.story_id = ? order by t.name").param(storyId).query(CatalogRepository::tag).list();
    }

    /**
     * A live story as its page shows it, from one read of its row (card, body and the page's own fields) plus its
     * authors, tags and the address of its live translation.
     */
    public Optional<PublishedStory> published(long storyId) {
        return jdbc.sql("select " + CARD_COLUMNS + ", s.body_html, s.lead_credit, s.updated_at, s.seo_title,"
                        + " s.seo_description, s.translation_id" + CARD_FROM + "where" + LIVE + "and s.id = ?")
                .param(storyId).query((rs, n) -> new LiveRow(card(rs, n), rs.getString("body_html"),
                        rs.getString("lead_credit"), instant(rs, "updated_at"), rs.getString("seo_title"),
                        rs.getString("seo_description"), nullableLong(rs, "translation_id")))
                .optional().map(row -> {
                    StoryCard c = row.card();
                    String translation = row.translationId() == null ? null
                            : liveCard(row.translationId()).map(StoryCard::path).orElse(null);
                    return new PublishedStory(c.id(), c.language(), c.slug(), c.headline(), c.standfirst(),
                            row.bodyHtml(), c.leadMediaId(), c.leadCaption(), row.leadCredit(), c.section(),
                            authorsOf(storyId), tagsOf(storyId), c.publishedAt(), row.updatedAt(), row.seoTitle(),
                            row.seoDescription(), translation);
                });
    }

    private record LiveRow(StoryCard card, String bodyHtml, String leadCredit, Instant updatedAt, String seoTitle,
            String seoDescription, Long translationId) {
    }

    /** Live translation path data: language and slug of the linked story when it is published. */
    public Optional<StoryCard> liveCard(long storyId) {
        return jdbc.sql("select " + CARD_COLUMNS + CARD_FROM + "where" + LIVE + "and s.id = ?")
                .param(storyId).query(StoryRepository::card).optional();
    }

    /**
     * A page of ids and the listing's length from one query ({@code count(*) over ()}, computed before the limit):
     * tag and author listings touch every story of the listing to sort it anyway, so a separate count read them all
     * a second time. A page past the end has no row to carry the count, so it is counted on its own.
     */
    private ListingPage counted(String fromWhere, int limit, int offset, java.util.function.IntSupplier count,
            Object... params) {
        List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(params));
        args.add(limit);
        args.add(offset);
        int[] total = {0};
        List<Long> ids = jdbc.sql("select s.id, count(*) over () as listing_total" + fromWhere
                        + " order by s.published_at desc, s.id desc limit ? offset ?").params(args)
                .query((rs, n) -> {
                    total[0] = rs.getInt("listing_total");
                    return rs.getLong("id");
                }).list();
        if (ids.isEmpty()) {
            return new ListingPage(List.of(), offset == 0 ? 0 : count.getAsInt());
        }
        return new ListingPage(cards(ids), total[0]);
    }

    /**
     * One page of a listing, newest first, in two steps: the page's ids from the listing's index alone (skipping
     * N rows there reads index entries, not story rows with their bodies, so page 300 costs about what page 1
     * does), then the cards of those few stories.
     */
    private List<StoryCard> page(String idQuery, int limit, int offset, Object... params) {
        List<Object> args = new java.util.ArrayList<>(java.util.Arrays.asList(params));
        args.add(limit);
        args.add(offset);
        List<Long> ids = jdbc.sql(idQuery + " order by s.published_at desc, s.id desc limit ? offset ?").params(args)
                .query(Long.class).list();
        return ids.isEmpty() ? List.of() : cards(ids);
    }

    /** The cards of these stories, in the order given. */
    private List<StoryCard> cards(List<Long> ids) {
        java.util.Map<Long, StoryCard> byId = new java.util.HashMap<>();
        jdbc.sql("select " + CARD_COLUMNS + CARD_FROM + "where s.id in ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
                .params(new java.util.ArrayList<Object>(ids)).query(StoryRepository::card).list()
                .forEach(c -> byId.put(c.id(), c));
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    // ---- newsroom side ----

    public Optional<StoryDraft> find(long id) {
        return jdbc.sql("select * from story where id = ?").param(id).query((rs, n) -> draft(rs)).optional()
                .map(d -> withLinks(d));
    }

    private StoryDraft withLinks(StoryDraft d) {
        List<String> tags = jdbc.sql("select t.name from tag t join story_tag st on st.tag_id = t.id where st.story_id = ?"
                + " order by t.name").param(d.id()).query(String.class).list();
        List<Long> authors = jdbc.sql("select author_id from story_author where story_id = ? order by position")
                .param(d.id()).query(Long.class).list();
        return new StoryDraft(d.id(), d.language(), d.slug(), d.headline(), d.standfirst(), d.bodyMarkdown(),
                d.leadMediaId(), d.leadCaption(), d.leadCredit(), d.sectionId(), tags, authors, d.translationId(),
                d.status(), d.publishAt(), d.publishedAt(), d.updatedAt(), d.createdBy(), d.seoTitle(),
                d.seoDescription(), d.featured());
    }

    public List<StoryListing> list(StoryFilter filter, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select s.id, s.language, s.slug, s.headline, s.status, s.publish_at,"
                + " s.published_at, s.updated_at, s.created_by, sec.name_en as sec_name from story s"
                + " left join section sec on sec.id = s.section_id where 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (filter.language() != null) {
            sql.append(" and s.language = ?");
            params.add(filter.language().code());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = ?");
            params.add(filter.status().name());
        }
        if (filter.sectionId() != null) {
            sql.append(" and s.section_id = ?");
            params.add(filter.sectionId());
        }
        if (filter.createdBy() != null) {
            sql.append(" and s.created_by = ?");
            params.add(filter.createdBy());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            sql.append(" and lower(s.headline) like ? escape '\\'");
            params.add("%" + escapeLike(filter.query().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        sql.append(" order by s.updated_at desc, s.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new StoryListing(rs.getLong("id"),
                Language.of(rs.getString("language")), rs.getString("slug"), rs.getString("headline"),
                StoryStatus.valueOf(rs.getString("status")), rs.getString("sec_name"), instant(rs, "publish_at"),
                instant(rs, "published_at"), instant(rs, "updated_at"), nullableLong(rs, "created_by"))).list();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public boolean slugTaken(Language language, String slug, Long exceptStoryId) {
        long except = exceptStoryId == null ? -1 : exceptStoryId;
        int stories = jdbc.sql("select count(*) from story where language = ? and slug = ? and id <> ?")
                .params(language.code(), slug, except).query(Integer.class).single();
        int history = jdbc.sql("select count(*) from story_slug_history where language = ? and slug = ? and story_id <> ?")
                .params(language.code(), slug, except).query(Integer.class).single();
        return stories + history > 0;
    }

    public long insert(StoryDraft d, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into story (language, slug, headline, standfirst, body_markdown, body_html, lead_media_id,
                  lead_caption, lead_credit, section_id, status, publish_at, published_at, updated_at, created_at,
                  created_by, seo_title, seo_description, featured)
                values (:language, :slug, :headline, :standfirst, :markdown, :html, :media, :caption, :credit,
                  :section, :status, :publishAt, :publishedAt, :now, :now, :createdBy, :seoTitle, :seoDescription, :featured)
                """)
                .param("language", d.language().code()).param("slug", d.slug()).param("headline", d.headline())
                .param("standfirst", d.standfirst()).param("markdown", d.bodyMarkdown()).param("html", "")
                .param("media", d.leadMediaId()).param("caption", d.leadCaption()).param("credit", d.leadCredit())
                .param("section", d.sectionId()).param("status", d.status().name())
                .param("publishAt", ts(d.publishAt())).param("publishedAt", ts(d.publishedAt()))
                .param("now", ts(now)).param("createdBy", d.createdBy()).param("seoTitle", d.seoTitle())
                .param("seoDescription", d.seoDescription()).param("featured", d.featured())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(StoryDraft d, Instant now) {
        jdbc.sql("""
                update story set language = :language, slug = :slug, headline = :headline, standfirst = :standfirst,
                  body_markdown = :markdown, lead_media_id = :media, lead_caption = :caption, lead_credit = :credit,
                  section_id = :section, status = :status, publish_at = :publishAt, published_at = :publishedAt,
                  updated_at = :now, seo_title = :seoTitle, seo_description = :seoDescription, featured = :featured
                where id = :id
                """)
                .param("language", d.language().code()).param("slug", d.slug()).param("headline", d.headline())
                .param("standfirst", d.standfirst()).param("markdown", d.bodyMarkdown())
                .param("media", d.leadMediaId()).param("caption", d.leadCaption()).param("credit", d.leadCredit())
                .param("section", d.sectionId()).param("status", d.status().name())
                .param("publishAt", ts(d.publishAt())).param("publishedAt", ts(d.publishedAt()))
                .param("now", ts(now)).param("seoTitle", d.seoTitle()).param("seoDescription", d.seoDescription())
                .param("featured", d.featured()).param("id", d.id()).update();
    }

    public void setBodyHtml(long id, String html) {
        jdbc.sql("update story set body_html = ? where id = ?").params(html, id).update();
    }

    public void setStatus(long id, StoryStatus status, Instant publishAt, Instant publishedAt, Instant now) {
        jdbc.sql("update story set status = ?, publish_at = ?, published_at = ?, updated_at = ? where id = ?")
                .params(status.name(), ts(publishAt), ts(publishedAt), ts(now), id).update();
    }

    public void replaceAuthors(long storyId, List<Long> authorIds) {
        jdbc.sql("delete from story_author where story_id = ?").param(storyId).update();
        int position = 0;
        for (Long authorId : authorIds) {
            jdbc.sql("insert into story_author (story_id, author_id, position) values (?, ?, ?)")
                    .params(storyId, authorId, position++).update();
        }
    }

    public void replaceTags(long storyId, List<Long> tagIds) {
        jdbc.sql("delete from story_tag where story_id = ?").param(storyId).update();
        for (Long tagId : tagIds) {
            jdbc.sql("insert into story_tag (story_id, tag_id) values (?, ?)").params(storyId, tagId).update();
        }
    }

    public void rememberOldSlug(Language language, String slug, long storyId) {
        jdbc.sql("delete from story_slug_history where language = ? and slug = ?").params(language.code(), slug).update();
        jdbc.sql("insert into story_slug_history (language, slug, story_id) values (?, ?, ?)")
                .params(language.code(), slug, storyId).update();
    }

    public void forgetOldSlug(Language language, String slug) {
        jdbc.sql("delete from story_slug_history where language = ? and slug = ?").params(language.code(), slug).update();
    }

    public List<String> oldSlugs(long storyId) {
        return jdbc.sql("select slug from story_slug_history where story_id = ?").param(storyId).query(String.class).list();
    }

    public void link(long storyId, Long translationId) {
        jdbc.sql("update story set translation_id = null where translation_id = ? or id = ?")
                .params(storyId, storyId).update();
        if (translationId != null) {
            jdbc.sql("update story set translation_id = null where translation_id = ? or id = ?")
                    .params(translationId, translationId).update();
            jdbc.sql("update story set translation_id = ? where id = ?").params(translationId, storyId).update();
            jdbc.sql("update story set translation_id = ? where id = ?").params(storyId, translationId).update();
        }
    }

    public List<Long> dueForPublishing(Instant now) {
        return jdbc.sql("select id from story where status = 'SCHEDULED' and publish_at <= ? order by publish_at")
                .param(ts(now)).query(Long.class).list();
    }

    /** Moves a story from SCHEDULED to PUBLISHED once; false if another worker or node got there first. */
    public boolean claimScheduled(long id, Instant now) {
        return jdbc.sql("update story set status = 'PUBLISHED', published_at = publish_at, updated_at = ?"
                + " where id = ? and status = 'SCHEDULED'").params(ts(now), id).update() == 1;
    }

    public void addRevision(long storyId, Long staffId, String note, StoryDraft d, Instant now) {
        jdbc.sql("""
                insert into story_revision (story_id, created_at, created_by, note, headline, standfirst,
                  body_markdown, lead_caption, lead_credit) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(storyId, ts(now), staffId, note, d.headline(), d.standfirst(), d.bodyMarkdown(),
                d.leadCaption(), d.leadCredit()).update();
    }

    public List<Revision> revisions(long storyId) {
        return jdbc.sql("select * from story_revision where story_id = ? order by created_at desc, id desc")
                .param(storyId).query(StoryRepository::revision).list();
    }

    public Optional<Revision> revision(long storyId, long revisionId) {
        return jdbc.sql("select * from story_revision where story_id = ? and id = ?").params(storyId, revisionId)
                .query(StoryRepository::revision).optional();
    }

    // ---- bulk and demo data ----

    /** Every story in any state; zero means a fresh site. */
    public int countAll() {
        return jdbc.sql("select count(*) from story").query(Integer.class).single();
    }

    public int countWithSlugPrefix(String prefix) {
        return jdbc.sql("select count(*) from story where slug like ? escape '\\'")
                .param(escapeLike(prefix) + "%").query(Integer.class).single();
    }

    /** Dates a story as published (and last updated) at the given time, for archives and demo content. */
    public void backdate(long id, Instant publishedAt) {
        jdbc.sql("update story set published_at = ?, updated_at = ? where id = ?")
                .params(ts(publishedAt), ts(publishedAt), id).update();
    }

    /**
     * Inserts many stories whose HTML is already rendered, with their authors and tag ids, using multi-row
     * statements; slugs must be free. Returns the new ids in the order given. No revisions, no events.
     */
    public List<Long> insertBatch(List<StoryDraft> drafts, List<String> bodiesHtml, List<List<Long>> tagIds, Instant now) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("insert into story (language, slug, headline, standfirst, body_markdown,"
                + " body_html, lead_media_id, lead_caption, lead_credit, section_id, status, publish_at, published_at,"
                + " updated_at, created_at, created_by, seo_title, seo_description, featured) values ");
        List<Object> params = new java.util.ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            StoryDraft d = drafts.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Instant updated = d.updatedAt() == null ? now : d.updatedAt();
            params.addAll(java.util.Arrays.asList(d.language().code(), d.slug(), d.headline(), d.standfirst(),
                    d.bodyMarkdown(), bodiesHtml.get(i), d.leadMediaId(), d.leadCaption(), d.leadCredit(), d.sectionId(),
                    d.status().name(), ts(d.publishAt()), ts(d.publishedAt()), ts(updated), ts(now), d.createdBy(),
                    d.seoTitle(), d.seoDescription(), d.featured()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (Language language : Language.values()) {
            List<Object> slugs = drafts.stream().filter(d -> d.language() == language).map(d -> (Object) d.slug()).toList();
            if (slugs.isEmpty()) {
                continue;
            }
            List<Object> lookup = new java.util.ArrayList<>(slugs);
            lookup.add(0, language.code());
            String marks = String.join(", ", java.util.Collections.nCopies(slugs.size(), "?"));
            jdbc.sql("select id, slug from story where language = ? and slug in (" + marks + ")").params(lookup)
                    .query((rs, n) -> ids.put(language.code() + "/" + rs.getString("slug"), rs.getLong("id"))).list();
        }
        List<Long> result = drafts.stream().map(d -> ids.get(d.language().code() + "/" + d.slug())).toList();
        List<Object[]> authorRows = new java.util.ArrayList<>();
        List<Object[]> tagRows = new java.util.ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            List<Long> authors = drafts.get(i).authorIds();
            for (int position = 0; position < authors.size(); position++) {
                authorRows.add(new Object[] {result.get(i), authors.get(position), position});
            }
            for (Long tagId : new java.util.LinkedHashSet<>(tagIds.get(i))) {
                tagRows.add(new Object[] {result.get(i), tagId});
            }
        }
        insertRows("insert into story_author (story_id, author_id, position) values ", authorRows);
        insertRows("insert into story_tag (story_id, tag_id) values ", tagRows);
        return result;
    }

    private void insertRows(String insert, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String row = "(" + String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?")) + ")";
        String sql = insert + String.join(", ", java.util.Collections.nCopies(rows.size(), row));
        jdbc.sql(sql).params(rows.stream().flatMap(java.util.Arrays::stream).toList()).update();
    }

    // ---- mapping ----

    static StoryCard card(ResultSet rs, int n) throws SQLException {
        long sectionId = rs.getLong("sec_id");
        SectionRef section = rs.wasNull() ? null : new SectionRef(sectionId, rs.getString("sec_slug"),
                rs.getString("sec_name_en"), rs.getString("sec_name_ru"), rs.getInt("sec_position"));
        return new StoryCard(rs.getLong("id"), Language.of(rs.getString("language")), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), instant(rs, "published_at"), section,
                nullableLong(rs, "lead_media_id"), rs.getString("lead_caption"));
    }

    private static StoryDraft draft(ResultSet rs) throws SQLException {
        return new StoryDraft(rs.getLong("id"), Language.of(rs.getString("language")), rs.getString("slug"),
                rs.getString("headline"), rs.getString("standfirst"), rs.getString("body_markdown"),
                nullableLong(rs, "lead_media_id"), rs.getString("lead_caption"), rs.getString("lead_credit"),
                nullableLong(rs, "section_id"), List.of(), List.of(), nullableLong(rs, "translation_id"),
                StoryStatus.valueOf(rs.getString("status")), instant(rs, "publish_at"), instant(rs, "published_at"),
                instant(rs, "updated_at"), nullableLong(rs, "created_by"), rs.getString("seo_title"),
                rs.getString("seo_description"), rs.getBoolean("featured"));
    }

    private static Revision revision(ResultSet rs, int n) throws SQLException {
        return new Revision(rs.getLong("id"), rs.getLong("story_id"), instant(rs, "created_at"),
                nullableLong(rs, "created_by"), rs.getString("note"), rs.getString("headline"),
                rs.getString("standfirst"), rs.getString("body_markdown"), rs.getString("lead_caption"),
                rs.getString("lead_credit"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
