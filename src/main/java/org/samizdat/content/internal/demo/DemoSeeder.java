package org.samizdat.content.internal.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.samizdat.content.SectionRef;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.MediaRejected;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills an empty site with the demo newsroom: sections, authors with portraits, and stories in both
 * languages with generated lead photos, published through the normal workflow so bodies are sanitised
 * and every listener hears about them. Does nothing once any section or story exists.
 */
@Component
class DemoSeeder {

    static final StaffMember EDITOR = new StaffMember(0, "demo", "Demo content", Role.EDITOR);

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final Map<String, String> STYLE_BY_SECTION = Map.of(
            "politics", "city", "war", "land", "society", "crowd", "economy", "chart", "culture", "shapes");

    private final CatalogRepository catalog;
    private final StoryRepository stories;
    private final StoryWorkflow workflow;
    private final MediaStore media;
    private final Clock clock;

    DemoSeeder(CatalogRepository catalog, StoryRepository stories, StoryWorkflow workflow, MediaStore media, Clock clock) {
        this.catalog = catalog;
        this.stories = stories;
        this.workflow = workflow;
        this.media = media;
        this.clock = clock;
    }

    /** Seeds the demo newsroom; false (and no change) when the site already has sections or stories. */
    synchronized boolean seed() {
        if (!catalog.sections().isEmpty() || stories.countAll() > 0) {
            log.info("Demo content skipped: the site already has content");
            return false;
        }
        long started = System.nanoTime();
        DemoLibrary library = DemoLibrary.load();
        Map<String, Long> sections = sections(library);
        Map<String, Long> photos = photos(library);
        long photosDone = System.nanoTime();
        Map<String, Long> authors = new HashMap<>();
        for (DemoEntry a : library.authors()) {
            authors.put(a.key(), catalog.saveAuthor(null, a.key(), a.get("name"), a.body(), photos.get("author:" + a.key())));
        }
        Instant now = clock.instant();
        Map<String, Long> english = new HashMap<>();
        Map<String, Instant> times = new HashMap<>();
        for (int i = 0; i < library.english().size(); i++) {
            DemoEntry e = library.english().get(i);
            Instant at = now.minus(Duration.ofMinutes(90 + i * 26L * 60 + Math.floorMod(e.key().hashCode(), 300)));
            times.put(e.key(), at);
            english.put(e.key(), publish(e, Language.EN, sections, authors, photos.get(e.key()), null, at));
        }
        for (int i = 0; i < library.russian().size(); i++) {
            DemoEntry e = library.russian().get(i);
            String original = e.get("translation", null);
            Instant at = original != null && times.containsKey(original)
                    ? times.get(original).plus(Duration.ofMinutes(70))
                    : now.minus(Duration.ofMinutes(200 + i * 41L * 60));
            String photoKey = original != null && photos.containsKey(original) ? original : e.key();
            publish(e, Language.RU, sections, authors, photos.get(photoKey), english.get(original), at);
        }
        log.info("Seeded demo content: {} sections, {} authors, {} English and {} Russian stories, {} photos in {} ms"
                + " (photos {} ms)", sections.size(), authors.size(), library.english().size(), library.russian().size(),
                photos.size(), (System.nanoTime() - started) / 1_000_000, (photosDone - started) / 1_000_000);
        return true;
    }

    /** The demo sections, created when the site has none (the bulk generator needs them too). */
    Map<String, Long> sections(DemoLibrary library) {
        Map<String, Long> ids = new HashMap<>();
        List<SectionRef> existing = catalog.sections();
        if (!existing.isEmpty()) {
            existing.forEach(s -> ids.put(s.slug(), s.id()));
            return ids;
        }
        int position = 0;
        for (DemoEntry s : library.sections()) {
            ids.put(s.key(), catalog.saveSection(null, s.key(), s.get("name-en"), s.get("name-ru"), position++));
        }
        return ids;
    }

    private long publish(DemoEntry e, Language language, Map<String, Long> sections, Map<String, Long> authors,
            Long photo, Long translationId, Instant at) {
        List<Long> authorIds = e.list("authors").stream().map(key -> {
            Long id = authors.get(key);
            if (id == null) {
                throw new IllegalStateException("Demo story " + e.key() + " names unknown author " + key);
            }
            return id;
        }).toList();
        StoryDraft draft = new StoryDraft(null, language, null, e.get("headline"), e.get("standfirst"), e.body(),
                photo, photo == null ? null : e.get("caption"), photo == null ? null : e.get("credit", defaultCredit(language)),
                sections.get(e.get("section")), e.list("tags"), authorIds, translationId, null, null, null, null, null,
                null, null, e.flag("featured"));
        long id = workflow.save(draft, EDITOR);
        stories.backdate(id, at);
        workflow.publish(id, EDITOR);
        stories.backdate(id, at);
        return id;
    }

    /** Draws and stores every photo, two at a time: one per story (translations share theirs) and one per author. */
    private Map<String, Long> photos(DemoLibrary library) {
        Map<String, String> wanted = new HashMap<>();
        library.english().forEach(e -> wanted.put(e.key(), style(e)));
        library.russian().stream().filter(e -> e.get("translation", null) == null)
                .forEach(e -> wanted.put(e.key(), style(e)));
        library.authors().forEach(a -> wanted.put("author:" + a.key(), "portrait"));
        Map<String, Long> ids = new ConcurrentHashMap<>();
        wanted.entrySet().parallelStream().forEach(w -> ids.put(w.getKey(), store(w.getKey(), w.getValue())));
        return ids;
    }

    private long store(String key, String style) {
        try {
            return media.store(style.equals("portrait") ? DemoPhotos.portrait(key) : DemoPhotos.scene(key, style));
        } catch (MediaRejected e) {
            throw new IllegalStateException("Demo photo " + key + " was refused: " + e.messageKey(), e);
        }
    }

    static String style(DemoEntry e) {
        return e.get("photo", STYLE_BY_SECTION.getOrDefault(e.get("section", ""), "land"));
    }

    static String defaultCredit(Language language) {
        return language == Language.RU ? "архив «Самиздата»" : "Samizdat archive";
    }
}
