package org.samizdat.content.internal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.samizdat.content.AuthorRef;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.BodyRenderer;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.MediaRejected;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.shared.Language;
import org.samizdat.shared.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds many synthetic published stories for benchmarks ({@code samizdat.demo.generate-stories=N}): about
 * 800 words each, two in three English, inserted in batches with bodies assembled from paragraphs rendered
 * once. Their slugs start with {@code bench-}; a site that already has N of them is left alone. They bypass
 * the workflow, so no revisions and no events: listeners that index content should rebuild from the database.
 */
@Component
class DemoBulkStories {

    static final String SLUG_PREFIX = "bench-";
    private static final int BATCH = 200;
    private static final int PARAGRAPHS = 1500;
    private static final int PHOTOS = 8;

    private static final Logger log = LoggerFactory.getLogger(DemoBulkStories.class);

    private final StoryRepository stories;
    private final CatalogRepository catalog;
    private final BodyRenderer renderer;
    private final MediaStore media;
    private final DemoSeeder seeder;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoBulkStories(StoryRepository stories, CatalogRepository catalog, BodyRenderer renderer, MediaStore media,
            DemoSeeder seeder, TransactionTemplate transactions, Clock clock) {
        this.stories = stories;
        this.catalog = catalog;
        this.renderer = renderer;
        this.media = media;
        this.seeder = seeder;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Tops the generated stories up to {@code wanted}; returns how many were added. */
    synchronized int generate(int wanted) {
        int existing = stories.countWithSlugPrefix(SLUG_PREFIX);
        if (existing >= wanted) {
            log.info("Generated stories: {} already present, none added", existing);
            return 0;
        }
        long started = System.nanoTime();
        DemoLibrary library = DemoLibrary.load();
        List<Long> sections = List.copyOf(seeder.sections(library).values());
        List<Long> authors = catalog.authors().stream().map(AuthorRef::id).toList();
        List<Long> photos = photos();
        Map<Language, Body> bodies = Map.of(Language.EN, new Body(DemoText.of(library, Language.EN)),
                Language.RU, new Body(DemoText.of(library, Language.RU)));
        Map<String, Long> tagIds = new HashMap<>();
        Random random = new Random(existing);
        Instant now = clock.instant();
        int toAdd = wanted - existing;
        for (int done = 0; done < toAdd; ) {
            int size = Math.min(BATCH, toAdd - done);
            List<StoryDraft> drafts = new ArrayList<>(size);
            List<String> html = new ArrayList<>(size);
            List<List<Long>> tags = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int number = existing + done + i + 1;
                Language language = number % 3 == 0 ? Language.RU : Language.EN;
                Body body = bodies.get(language);
                String[] text = body.story(random);
                String headline = body.text.headline(random);
                String slug = (SLUG_PREFIX + number + "-" + Slugs.of(headline));
                Instant at = now.minus(Duration.ofHours(24)).minusSeconds(random.nextInt(3 * 365 * 24 * 3600));
                Long photo = photos.isEmpty() ? null : photos.get(random.nextInt(photos.size()));
                List<Long> storyAuthors = authors.isEmpty() ? List.of() : List.of(authors.get(random.nextInt(authors.size())));
                drafts.add(new StoryDraft(null, language, slug.length() > 110 ? slug.substring(0, 110) : slug, headline,
                        body.text.sentence(random), text[0], photo, photo == null ? null : body.text.sentence(random),
                        photo == null ? null : DemoSeeder.defaultCredit(language),
                        sections.get(random.nextInt(sections.size())), List.of(), storyAuthors, null,
                        StoryStatus.PUBLISHED, null, at, at, DemoSeeder.EDITOR.id(), null, null, false));
                html.add(text[1]);
                List<Long> storyTags = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    String tag = body.text.tag(random);
                    storyTags.add(tagIds.computeIfAbsent(language.code() + "/" + tag, k -> catalog.tagId(language, tag)));
                }
                tags.add(storyTags);
            }
            transactions.executeWithoutResult(status -> stories.insertBatch(drafts, html, tags, now));
            done += size;
            if (done % 10_000 == 0 || done == toAdd) {
                log.info("Generated {}/{} stories in {} ms", done, toAdd, (System.nanoTime() - started) / 1_000_000);
            }
        }
        return toAdd;
    }

    private List<Long> photos() {
        List<Long> ids = new ArrayList<>();
        String[] styles = {"city", "land", "crowd", "chart", "shapes"};
        for (int i = 0; i < PHOTOS; i++) {
            try {
                ids.add(media.store(DemoPhotos.scene("bench-" + i, styles[i % styles.length])));
            } catch (MediaRejected e) {
                throw new IllegalStateException("Generated photo refused: " + e.messageKey(), e);
            }
        }
        return ids;
    }

    /** Paragraphs rendered once each, then drawn at random: a story body costs no Markdown rendering. */
    private final class Body {

        final DemoText text;
        final String[] markdown = new String[PARAGRAPHS];
        final String[] html = new String[PARAGRAPHS];

        Body(DemoText text) {
            this.text = text;
            Random random = new Random(PARAGRAPHS);
            for (int i = 0; i < PARAGRAPHS; i++) {
                markdown[i] = i % 10 == 0 ? "## " + text.subhead(random) : text.paragraph(random, 4 + random.nextInt(3));
                html[i] = renderer.render(markdown[i]).strip();
            }
        }

        /** Markdown and HTML of one body: ten paragraphs of about 80 words and two subheads. */
        String[] story(Random random) {
            StringBuilder md = new StringBuilder(7000);
            StringBuilder out = new StringBuilder(8000);
            for (int i = 0; i < 12; i++) {
                int pick = i == 4 || i == 8 ? 10 * random.nextInt(PARAGRAPHS / 10) : paragraphIndex(random);
                md.append(i == 0 ? "" : "\n\n").append(markdown[pick]);
                out.append(i == 0 ? "" : "\n").append(html[pick]);
            }
            return new String[] {md.toString(), out.toString()};
        }

        private int paragraphIndex(Random random) {
            int pick = random.nextInt(PARAGRAPHS);
            return pick % 10 == 0 ? pick + 1 : pick;
        }
    }
}
