package org.samizdat.content;

import java.util.List;
import java.util.Optional;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
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

    Stories(StoryRepository stories, CatalogRepository catalog) {
        this.stories = stories;
        this.catalog = catalog;
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
        return StoryList.of(stories.withTag(tag.id(), PAGE_SIZE, offset(page)), page,
                stories.countWithTag(tag.id()), PAGE_SIZE);
    }

    public StoryList byAuthor(Language language, AuthorRef author, int page) {
        return StoryList.of(stories.byAuthor(language, author.id(), PAGE_SIZE, offset(page)), page,
                stories.countByAuthor(language, author.id()), PAGE_SIZE);
    }

    public Optional<PublishedStory> story(Language language, String slug) {
        return stories.liveIdBySlug(language, slug).flatMap(this::story);
    }

    public Optional<PublishedStory> story(long id) {
        return stories.liveCard(id).flatMap(card -> stories.find(id).map(d -> {
            String translation = d.translationId() == null ? null
                    : stories.liveCard(d.translationId()).map(StoryCard::path).orElse(null);
            return new PublishedStory(id, card.language(), card.slug(), card.headline(), card.standfirst(),
                    stories.bodyHtml(id).orElse(""), d.leadMediaId(), d.leadCaption(), d.leadCredit(), card.section(),
                    stories.authorsOf(id), stories.tagsOf(id), card.publishedAt(), d.updatedAt(), d.seoTitle(),
                    d.seoDescription(), translation);
        }));
    }

    /** Where a story that used to live under {@code oldSlug} lives now, if it is still live. */
    public Optional<String> movedTo(Language language, String oldSlug) {
        return stories.currentSlugFor(language, oldSlug).map(slug -> StoryPaths.story(language, slug));
    }

    /** "Read more": the latest other stories from the same section, then the latest overall. */
    public List<StoryCard> readMore(PublishedStory story, int limit) {
        List<StoryCard> pool = new java.util.ArrayList<>();
        if (story.section() != null) {
            pool.addAll(stories.inSection(story.language(), story.section().id(), limit + 1, 0));
        }
        if (pool.size() <= limit) {
            pool.addAll(stories.latestChronological(story.language(), limit * 2, 0));
        }
        return pool.stream().filter(c -> c.id() != story.id()).distinct().limit(limit).toList();
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
