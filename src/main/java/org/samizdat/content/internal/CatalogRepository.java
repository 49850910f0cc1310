package org.samizdat.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.SectionRef;
import org.samizdat.content.TagRef;
import org.samizdat.shared.Language;
import org.samizdat.shared.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL about sections, tags and authors. */
@Repository
public class CatalogRepository {

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every section, author and tag row as one text, in a fixed order: what {@code Stories#catalogueFingerprint} hashes. */
    public String catalogueText() {
        StringBuilder text = new StringBuilder();
        jdbc.sql("select id, slug, name_en, name_ru, position from section order by id")
                .query(rs -> { text.append("s|").append(row(rs, 5)); });
        jdbc.sql("select id, slug, name, bio, photo_id from author order by id")
                .query(rs -> { text.append("a|").append(row(rs, 5)); });
        jdbc.sql("select id, language, slug, name from tag order by id")
                .query(rs -> { text.append("t|").append(row(rs, 4)); });
        return text.toString();
    }

    private static String row(ResultSet rs, int columns) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            row.append(rs.getString(i)).append('\u001f');
        }
        return row.append('\n').toString();
    }

    public List<SectionRef> sections() {
        return jdbc.sql("select * from section order by position, id").query(CatalogRepository::section).list();
    }

    public Optional<SectionRef> section(long id) {
        return jdbc.sql("select * from section where id = ?").param(id).query(CatalogRepository::section).optional();
    }

    public Optional<SectionRef> sectionBySlug(String slug) {
        return jdbc.sql("select * from section where slug = ?").param(slug).query(CatalogRepository::section).optional();
    }

    public long saveSection(Long id, String slug, String nameEn, String nameRu, int position) {
        if (id == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into section (slug, name_en, name_ru, position) values (?, ?, ?, ?)")
                    .params(slug, nameEn, nameRu, position).update(keys, "id");
            return keys.getKey().longValue();
        }
        jdbc.sql("update section set slug = ?, name_en = ?, name_ru = ?, position = ? where id = ?")
                .params(slug, nameEn, nameRu, position, id).update();
        return id;
    }

    public List<AuthorRef> authors() {
        return jdbc.sql("select id, slug, name, bio, photo_id from author order by name").query(CatalogRepository::author).list();
    }

    public Optional<AuthorRef> author(long id) {
        return jdbc.sql("select id, slug, name, bio, photo_id from author where id = ?").param(id)
                .query(CatalogRepository::author).optional();
    }

    public Optional<AuthorRef> authorBySlug(String slug) {
        return jdbc.sql("select id, slug, name, bio, photo_id from author where slug = ?").param(slug)
                .query(CatalogRepository::author).optional();
    }

    public long saveAuthor(Long id, String slug, String name, String bio, Long photoId) {
        if (id == null) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into author (slug, name, bio, photo_id) values (?, ?, ?, ?)")
                    .params(slug, name, bio, photoId).update(keys, "id");
            return keys.getKey().longValue();
        }
        jdbc.sql("update author set slug = ?, name = ?, bio = ?, photo_id = ? where id = ?")
                .params(slug, name, bio, photoId, id).update();
        return id;
    }

    public boolean authorSlugTaken(String slug, Long exceptId) {
        return jdbc.sql("select count(*) from author where slug = ? and id <> ?")
                .params(slug, exceptId == null ? -1 : exceptId).query(Integer.class).single() > 0;
    }

    public boolean sectionSlugTaken(String slug, Long exceptId) {
        return jdbc.sql("select count(*) from section where slug = ? and id <> ?")
                .params(slug, exceptId == null ? -1 : exceptId).query(Integer.class).single() > 0;
    }

    public Optional<TagRef> tagBySlug(Language language, String slug) {
        return jdbc.sql("select id, language, slug, name from tag where language = ? and slug = ?")
                .params(language.code(), slug).query(CatalogRepository::tag).optional();
    }

    public List<TagRef> tags(Language language) {
        return jdbc.sql("select id, language, slug, name from tag where language = ? order by name")
                .param(language.code()).query(CatalogRepository::tag).list();
    }

    /** The tag with this name in this language, created on first use. */
    public long tagId(Language language, String name) {
        String slug = Slugs.of(name);
        Optional<TagRef> existing = tagBySlug(language, slug);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into tag (language, slug, name) values (?, ?, ?)")
                .params(language.code(), slug, name).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void renameTag(long id, String name) {
        jdbc.sql("update tag set name = ? where id = ?").params(name, id).update();
    }

    public boolean mediaExists(long id) {
        return jdbc.sql("select count(*) from media where id = ?").param(id).query(Integer.class).single() > 0;
    }

    public Optional<TagRef> tag(long id) {
        return jdbc.sql("select id, language, slug, name from tag where id = ?").param(id)
                .query(CatalogRepository::tag).optional();
    }

    static SectionRef section(ResultSet rs, int n) throws SQLException {
        return new SectionRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name_en"),
                rs.getString("name_ru"), rs.getInt("position"));
    }

    static AuthorRef author(ResultSet rs, int n) throws SQLException {
        return new AuthorRef(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("bio"),
                StoryRepository.nullableLong(rs, "photo_id"));
    }

    static TagRef tag(ResultSet rs, int n) throws SQLException {
        return new TagRef(rs.getLong("id"), Language.of(rs.getString("language")), rs.getString("slug"),
                rs.getString("name"));
    }
}
