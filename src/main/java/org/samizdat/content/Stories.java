package org.samizdat.content;

import java.util.List;
import java.util.Optional;
import org.samizdat.content.internal.ArchiveRepository;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.ListingPage;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Published stories as readers see them: the read-only door into content for every other module. */
@Service
@Transactional(readOnly = true)
public class Stories {

    public static final int PAGE_SIZE = 12;
    public static final int MAX_PAGE = 10_000;

    private final StoryRepository stories;
    private final CatalogRepository catalog;
    private final ArchiveRepository archive;
    private final ObjectProvider<RelatedStories> related;

    Stories(StoryRepository stories, CatalogRepository catalog, ArchiveRepository archive,
            ObjectProvider<RelatedStories> related) {
        this.stories = stories;
        this.catalog = catalog;
        this.archive = archive;
        this.related = related;
    }

    /** Latest live stories, featured ones first. */
    public List<StoryCard> front(Language language, int limit) {
        return stories.latest(language, limit);
    }

    public StoryList latest(Language language, int page) {
        return StoryList.of(stories.latestChronological(language, PAGE_SIZE, offset(page)), page,
                stories.countLive(language), PAGE_SIZE);
    }

    public List<StoryCard> latestInSection(Language language, SectionRef section, int limit) {
        return stories.inSection(language, section.id(), limit, 0);
    }

    public StoryList inSection(Language language, SectionRef section, int page) {
        return StoryList.of(stories.inSection(language, section.id(), PAGE_SIZE, offset(page)), page,
                stories.countInSection(language, section.id()), PAGE_SIZE);
    }

    public StoryList withTag(TagRef tag, int page) {
        ListingPage list = stories.withTagCounted(tag.id(), PAGE_SIZE, offset(page));
        return StoryList.of(list.stories(), page, list.total(), PAGE_SIZE);
    }

    public StoryList byAuthor(Language language, AuthorRef author, int page) {
        ListingPage list = stories.byAuthorCounted(language, author.id(), PAGE_SIZE, offset(page));
        return StoryList.of(list.stories(), page, list.total(), PAGE_SIZE);
    }

    public Optional<PublishedStory> story(Language language, String slug) {
        return stories.liveIdBySlug(language, slug).flatMap(this::story);
    }

    public Optional<PublishedStory> story(long id) {
        return stories.published(id);
    }

    /** Where a story that used to live under {@code oldSlug} lives now, if it is still live. */
    public Optional<String> movedTo(Language language, String oldSlug) {
        return stories.currentSlugFor(language, oldSlug).map(slug -> StoryPaths.story(language, slug));
    }

    /**
     * "Read more": what a {@link RelatedStories} implementation picks, if one is present, filled up with the
     * latest other stories from the same section, then the latest overall. The fill-up is read only when the
     * picks fall short, so the usual story page costs no listing query.
     */
    public List<StoryCard> readMore(PublishedStory story, int limit) {
        List<StoryCard> pool = new java.util.ArrayList<>();
        related.orderedStream().findFirst().ifPresent(r -> pool.addAll(r.related(story, limit)));
        if (pool.stream().filter(c -> c.id() != story.id()).distinct().count() >= limit) {
            return pool.stream().filter(c -> c.id() != story.id()).distinct().limit(limit).toList();
        }
        if (story.section() != null) {
            pool.addAll(stories.inSection(story.language(), story.section().id(), limit + 1, 0));
        }
        if (pool.size() <= limit) {
            pool.addAll(stories.latestChronological(story.language(), limit * 2, 0));
        }
        return pool.stream().filter(c -> c.id() != story.id()).distinct().limit(limit).toList();
    }

    /** The newest live stories of an edition, a section, a tag or an author (null: any), for feeds. */
    public List<StoryCard> newest(Language language, SectionRef section, TagRef tag, AuthorRef author, int limit) {
        if (section != null) {
            return stories.inSection(language, section.id(), limit, 0);
        }
        if (tag != null) {
            return stories.withTag(tag.id(), limit, 0);
        }
        if (author != null) {
            return stories.byAuthor(language, author.id(), limit, 0);
        }
        return stories.latestChronological(language, limit, 0);
    }

    /** Live stories with their full text and ids in {@code (afterId, upToId]}: pages through the archive. */
    public List<StoryText> textsBetween(long afterId, long upToId) {
        return archive.textsBetween(afterId, upToId);
    }

    /** The highest story id in use (any state), where a walk through the archive ends. */
    public long maxStoryId() {
        return archive.maxId();
    }

    /** The live ones among these stories with their full text, in the order given. */
    public List<StoryText> texts(List<Long> ids) {
        return archive.texts(ids);
    }

    /** The live ones among these stories as cards, in the order given. */
    public List<StoryCard> cards(List<Long> ids) {
        return archive.cards(ids);
    }

    /** A short text that changes whenever the set of live stories or any live story's text changes. */
    public String fingerprint() {
        return archive.fingerprint();
    }

    public int countLive() {
        return archive.countLive();
    }

    /** Live stories in id order, for sitemaps. */
    public List<StoryStamp> stamps(int limit, int offset) {
        return archive.stamps(limit, offset);
    }

    /** Ids of every live story, ascending: cheap, for telling which stories appeared or went since a snapshot. */
    public List<Long> liveIds() {
        return archive.liveIds();
    }

    /** Live stories changed (saved, published, re-published) at or after {@code since}, in id order. */
    public List<StoryStamp> changedSince(java.time.Instant since) {
        return archive.changedSince(since);
    }

    /**
     * A short text that changes whenever a section, author or tag is added, renamed or edited: what every
     * page showing bylines, tags or navigation depends on besides the stories themselves.
     */
    public String catalogueFingerprint() {
        return org.samizdat.shared.Sha256.hex(catalog.catalogueText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Live stories published since the given time, newest first. */
    public List<StoryStamp> publishedSince(java.time.Instant since, int limit) {
        return archive.publishedSince(since, limit);
    }

    public List<SectionRef> sections() {
        return catalog.sections();
    }

    public Optional<SectionRef> section(String slug) {
        return catalog.sectionBySlug(slug);
    }

    public Optional<TagRef> tag(Language language, String slug) {
        return catalog.tagBySlug(language, slug);
    }

    public Optional<AuthorRef> author(String slug) {
        return catalog.authorBySlug(slug);
    }

    private static int offset(int page) {
        return (Math.max(1, Math.min(page, MAX_PAGE)) - 1) * PAGE_SIZE;
    }
}
