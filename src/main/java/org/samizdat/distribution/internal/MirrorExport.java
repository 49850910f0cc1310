package org.samizdat.distribution.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryCard;
import org.samizdat.content.StoryStamp;
import org.samizdat.shared.Sha256;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes the public site into a folder as a static mirror, by asking the running application for each page
 * over loopback HTTP (so the copy is exactly what readers get), rewriting links to relative file links, and
 * signing a manifest of every file. A second run into the same folder reads again only the pages a change since
 * the first can reach ({@link IncrementalPlan}), rewrites only files whose bytes changed and deletes the files of
 * the previous manifest that are no longer published.
 */
@Service
public class MirrorExport {

    /** What an export did, for the command line and the newsroom. */
    public record Result(int files, int written, int unchanged, int deleted, long bytes, long millis,
            boolean incremental, int fetched) {
    }

    /** Told how far an export is, from another thread. */
    public interface Progress {
        void update(int done, int queued);
    }

    /** Read by every export, before anything else: the reach pages tell whether the mirror list changed. */
    private static final List<String> SEEDS = List.of("/en/reach", "/ru/reach", "/", "/en", "/ru", "/en/privacy", "/ru/privacy",
            "/en/feed.xml", "/en/atom.xml", "/en/feed.json", "/ru/feed.xml", "/ru/atom.xml", "/ru/feed.json",
            "/mirrors.json", "/mirrors.json.sig", "/mirrors-key.txt", "/favicon.svg", "/assets/site.css");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MirrorExport.class);

    private final Stories stories;
    private final SigningKey key;
    private final SiteProperties site;
    private final StaticSearch search;
    private final Clock clock;
    private final int threads;

    MirrorExport(Stories stories, SigningKey key, SiteProperties site, StaticSearch search, Clock clock,
            @Value("${samizdat.distribution.export-threads:4}") int threads) {
        this.stories = stories;
        this.key = key;
        this.site = site;
        this.search = search;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * Exports the site served at {@code base} (such as {@code http://127.0.0.1:8080}) into {@code out}. With
     * {@code full} false and a previous export there, only the pages that the stories changed since could have
     * changed are read again (see {@link IncrementalPlan}); anything global falls back to reading every page.
     */
    public Result export(String base, Path out, boolean full, Progress progress) throws IOException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Files.createDirectories(out);
        Manifest previous = previous(out);
        Map<String, Long> storyIds = new ConcurrentHashMap<>();
        ExportRun run = new ExportRun(base, out, previous, new PageRewriter(site.canonicalOrigin()), progress, storyIds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String version = ExportVersion.current();
        String catalogue = stories.catalogueFingerprint();
        SortedMap<Long, ExportState.Story> exported;
        boolean incremental;
        long planned;
        try {
            ExportRun.Wave always = run.start(pool, SEEDS);
            IncrementalPlan.Result plan = null;
            ExportState state = previous == null || full ? null : state(out, previous);
            if (state != null && state.version().equals(version) && state.catalogue().equals(catalogue)) {
                plan = plan(previous, state);
            }
            List<String> seeds = new ArrayList<>(run.finish(always));
            incremental = plan != null && run.sameAsBefore("en/reach/index.html") && run.sameAsBefore("ru/reach/index.html");
            Set<Long> touched = null;
            if (incremental) {
                exported = plan.stories();
                exported.forEach((id, s) -> storyIds.put(SitePaths.address(s.file()), id));
                plan.carry().forEach(file -> run.seen.add(SitePaths.address(file)));
                ExportRun.Wave changed = run.start(pool, plan.fetch());
                seeds.addAll(carryOver(run, plan.carry(), state));
                seeds.addAll(run.finish(changed));
                touched = plan.touched();
            } else {
                exported = new TreeMap<>();
                for (StoryStamp story : stories.stamps(Integer.MAX_VALUE, 0)) {
                    String file = SitePaths.file(story.path(), null);
                    exported.put(story.id(), new ExportState.Story(story.publishedAt() == null ? 0
                            : story.publishedAt().toEpochMilli(), file));
                    storyIds.put(story.path(), story.id());
                    seeds.add(story.path());
                }
                if (previous != null && !full) {
                    previous.files().keySet().stream().filter(SitePaths::isMedia).forEach(run::carryOver);
                }
            }
            planned = System.nanoTime();
            run.crawl(pool, seeds);
            run.resolveLinks();
            if (incremental) {
                dropEmptyListings(run);
            }
            long crawled = System.nanoTime();
            if (touched == null || !searchUpdated(run, out, state, exported, touched)) {
                Map<Language, byte[]> reach = new EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    reach.put(language, run.reach.get(language.code() + "/reach/index.html"));
                }
                search.files(idsByLanguage(exported), reach).forEach(run::store);
            }
            log.info("Export phases: plan and first pages {} ms, {} pages fetched in all, the rest in {} ms (requests {} ms, rewriting {} ms, hashing and"
                    + " writing {} ms, summed over {} threads), search {} ms", (planned - t0) / 1_000_000,
                    run.fetched.get(), (crawled - planned) / 1_000_000, run.fetchNanos.get() / 1_000_000,
                    run.rewriteNanos.get() / 1_000_000, run.storeNanos.get() / 1_000_000, threads,
                    (System.nanoTime() - crawled) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
        run.store(ExportState.FILE, new ExportState(version, catalogue, exported, new TreeMap<>(run.links)).bytes());
        int deleted = run.deleteRest();
        Manifest manifest = new Manifest(site.name(Language.EN), started, key.id(), new TreeMap<>(run.produced));
        byte[] bytes = manifest.bytes();
        Files.write(out.resolve(Manifest.FILE), bytes);
        Files.writeString(out.resolve(Manifest.SIGNATURE), key.signBase64(bytes), StandardCharsets.US_ASCII);
        long total = run.produced.values().stream().mapToLong(Manifest.Entry::size).sum() + bytes.length;
        return new Result(run.produced.size(), run.written.get(), run.unchanged.get(), deleted, total,
                Duration.between(started, clock.instant()).toMillis(), incremental, run.fetched.get());
    }

    /**
     * Keeps the previous export's files the plan carries (their addresses are already marked seen, so pages read
     * meanwhile do not read them again); returns the addresses of those missing or altered on disk, to read again.
     */
    private static List<String> carryOver(ExportRun run, List<String> carry, ExportState state) {
        List<String> missing = new ArrayList<>();
        for (String file : carry) {
            if (run.carryOver(file)) {
                List<Long> links = state.links().get(file);
                if (links != null) {
                    run.links.put(file, links);
                }
            } else {
                String address = SitePaths.address(file);
                run.seen.remove(address);
                missing.add(address);
            }
        }
        return missing;
    }

    /**
     * A tag or author page whose listing became empty is linked from nowhere (only its stories link to it), so a
     * full export would not have it: an incremental one, which read it again because a story left it, drops it.
     */
    private static void dropEmptyListings(ExportRun run) throws IOException {
        for (String file : List.copyOf(run.produced.keySet())) {
            String dir = IncrementalPlan.listingDir(file);
            if (dir != null && !dir.contains("/sections/") && !run.links.containsKey(dir + "/index.html")) {
                run.drop(file);
            }
        }
    }

    /** Carries the search page and script, and patches each language's index; false when it cannot. */
    private boolean searchUpdated(ExportRun run, Path out, ExportState state, SortedMap<Long, ExportState.Story> exported,
            Set<Long> touched) throws IOException {
        if (!search.carryPages(run)) {
            return false;
        }
        Map<Language, List<Long>> before = idsByLanguage(state.stories());
        Map<Language, List<Long>> now = idsByLanguage(exported);
        for (Language language : Language.values()) {
            String file = StaticSearch.index(language);
            if (before.get(language).equals(now.get(language)) && touched.stream().noneMatch(now.get(language)::contains)
                    && run.carryOver(file)) {
                continue;
            }
            byte[] updated = search.update(Files.readAllBytes(out.resolve(file)), before.get(language),
                    now.get(language), touched);
            if (updated == null) {
                return false;
            }
            run.store(file, updated);
        }
        return true;
    }

    private IncrementalPlan.Result plan(Manifest previous, ExportState state) {
        Set<Long> live = new HashSet<>(stories.liveIds());
        Map<Long, IncrementalPlan.Changed> changed = new LinkedHashMap<>();
        for (StoryStamp s : stories.changedSince(previous.generatedAt())) {
            changed.put(s.id(), changed(s.id(), s.path(), s.publishedAt()));
        }
        List<Long> fresh = live.stream().filter(id -> !state.stories().containsKey(id) && !changed.containsKey(id))
                .sorted().toList();
        for (StoryCard card : stories.cards(fresh)) {
            changed.put(card.id(), changed(card.id(), card.path(), card.publishedAt()));
        }
        return IncrementalPlan.plan(previous, state, live, List.copyOf(changed.values()), id -> listings(id));
    }

    private IncrementalPlan.Changed changed(long id, String path, Instant publishedAt) {
        return new IncrementalPlan.Changed(id, SitePaths.file(path, null),
                publishedAt == null ? 0 : publishedAt.toEpochMilli(), listings(id));
    }

    /** The listing folders a live story appears in: its section's, its tags' and its authors'. */
    private Set<String> listings(long id) {
        Set<String> dirs = new HashSet<>();
        stories.story(id).ifPresent(story -> {
            if (story.section() != null) {
                dirs.add(story.section().path(story.language()).substring(1));
            }
            story.tags().forEach(tag -> dirs.add(tag.path().substring(1)));
            story.authors().forEach(author -> dirs.add(author.path(story.language()).substring(1)));
        });
        return dirs;
    }

    private static Map<Language, List<Long>> idsByLanguage(SortedMap<Long, ExportState.Story> exported) {
        Map<Language, List<Long>> ids = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            ids.put(language, new ArrayList<>());
        }
        exported.forEach((id, s) -> ids.get(Language.of(s.file().substring(0, 2))).add(id));
        return ids;
    }

    /** The previous export's state, when its bytes are the ones its manifest lists. */
    private static ExportState state(Path out, Manifest previous) {
        Manifest.Entry entry = previous.files().get(ExportState.FILE);
        try {
            byte[] bytes = Files.readAllBytes(out.resolve(ExportState.FILE));
            return entry == null || bytes.length != entry.size() || !Sha256.hex(bytes).equals(entry.sha256()) ? null
                    : ExportState.parse(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static Manifest previous(Path out) {
        try {
            return Manifest.parse(Files.readAllBytes(out.resolve(Manifest.FILE)));
        } catch (IOException | Manifest.Malformed e) {
            return null;
        }
    }
}
