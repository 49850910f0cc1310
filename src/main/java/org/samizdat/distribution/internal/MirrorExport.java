package org.samizdat.distribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryStamp;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.SiteProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes the public site into a folder as a static mirror, by asking the running application for each page
 * over loopback HTTP (so the copy is exactly what readers get), rewriting links to relative file links, and
 * signing a manifest of every file. A second run into the same folder rewrites only files whose bytes changed
 * and deletes the files of the previous manifest that are no longer published.
 */
@Service
public class MirrorExport {

    /** What an export did, for the command line and the newsroom. */
    public record Result(int files, int written, int unchanged, int deleted, long bytes, long millis,
            boolean incremental) {
    }

    /** Told how far an export is, from another thread. */
    public interface Progress {
        void update(int done, int queued);
    }

    private static final List<String> SEEDS = List.of("/", "/en", "/ru", "/en/privacy", "/ru/privacy",
            "/en/feed.xml", "/en/atom.xml", "/en/feed.json", "/ru/feed.xml", "/ru/atom.xml", "/ru/feed.json",
            "/mirrors.json", "/mirrors.json.sig", "/mirrors-key.txt", "/favicon.svg", "/assets/site.css");
    private static final int STAMP_PAGE = 1000;

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
     * {@code full} false and a previous export there, stories unchanged since it are carried over unread.
     */
    public Result export(String base, Path out, boolean full, Progress progress) throws IOException {
        Instant started = clock.instant();
        Files.createDirectories(out);
        Manifest previous = previous(out);
        Run run = new Run(base, out, previous, new PageRewriter(site.canonicalOrigin()), progress);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<StoryStamp> live = liveStories();
            List<String> fromReach = run.fetch(pool, List.of("/en/reach", "/ru/reach"));
            boolean carry = !full && previous != null && run.sameAsBefore("en/reach/index.html")
                    && run.sameAsBefore("ru/reach/index.html") && !storyGone(previous, live);
            List<String> seeds = new ArrayList<>(SEEDS);
            seeds.addAll(fromReach);
            for (StoryStamp story : live) {
                String file = SitePaths.file(story.path(), null);
                Instant changed = story.updatedAt() == null ? story.publishedAt() : story.updatedAt();
                if (carry && changed != null && changed.isBefore(previous.generatedAt()) && run.carryOver(file)) {
                    run.seen.add(story.path());
                } else {
                    seeds.add(story.path());
                }
            }
            if (previous != null && !full) {
                for (String file : previous.files().keySet()) {
                    if (SitePaths.isMedia(file) && run.carryOver(file)) {
                        run.seen.add(SitePaths.address(file));
                    } else if (!SitePaths.isStory(file) && !file.contains("/search/")) {
                        seeds.add(SitePaths.address(file));
                    }
                }
            }
            List<String> wave = seeds;
            while (!wave.isEmpty()) {
                wave = run.fetch(pool, wave);
            }
            Map<Language, byte[]> reach = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                reach.put(language, run.reach.get(language.code() + "/reach/index.html"));
            }
            search.files(live, reach).forEach(run::store);
        } finally {
            pool.shutdownNow();
        }
        int deleted = run.deleteRest();
        Manifest manifest = new Manifest(site.name(Language.EN), started, key.id(), new TreeMap<>(run.produced));
        byte[] bytes = manifest.bytes();
        Files.write(out.resolve(Manifest.FILE), bytes);
        Files.writeString(out.resolve(Manifest.SIGNATURE), key.signBase64(bytes), StandardCharsets.US_ASCII);
        long total = run.produced.values().stream().mapToLong(Manifest.Entry::size).sum() + bytes.length;
        return new Result(run.produced.size(), run.written.get(), run.unchanged.get(), deleted, total,
                Duration.between(started, clock.instant()).toMillis(), previous != null && !full);
    }

    private List<StoryStamp> liveStories() {
        List<StoryStamp> all = new ArrayList<>();
        for (int offset = 0; ; offset += STAMP_PAGE) {
            List<StoryStamp> page = stories.stamps(STAMP_PAGE, offset);
            all.addAll(page);
            if (page.size() < STAMP_PAGE) {
                return all;
            }
        }
    }

    /** A story gone since the last export may sit in other stories' "Read more", so those are all read again. */
    private static boolean storyGone(Manifest previous, List<StoryStamp> live) {
        Set<String> files = new java.util.HashSet<>();
        live.forEach(s -> files.add(SitePaths.file(s.path(), null)));
        return previous.files().keySet().stream().anyMatch(f -> SitePaths.isStory(f) && !files.contains(f));
    }

    private static Manifest previous(Path out) {
        try {
            return Manifest.parse(Files.readAllBytes(out.resolve(Manifest.FILE)));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | Manifest.Malformed e) {
            return null;
        }
    }

    /** One export's state, shared by the fetching threads. */
    private static final class Run {

        private final String base;
        private final Path out;
        private final Manifest previous;
        private final PageRewriter rewriter;
        private final Progress progress;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final Map<String, Manifest.Entry> produced = new ConcurrentHashMap<>();
        final Map<String, byte[]> reach = new ConcurrentHashMap<>();
        final AtomicInteger written = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();

        Run(String base, Path out, Manifest previous, PageRewriter rewriter, Progress progress) {
            this.base = base;
            this.out = out;
            this.previous = previous;
            this.rewriter = rewriter;
            this.progress = progress;
            seen.add("/en/search");
            seen.add("/ru/search");
        }

        /** Fetches the addresses not seen yet, in parallel; returns the new addresses their pages link to. */
        List<String> fetch(ExecutorService pool, List<String> addresses) throws IOException {
            Set<String> found = ConcurrentHashMap.newKeySet();
            List<Future<?>> tasks = new ArrayList<>();
            for (String address : new LinkedHashSet<>(addresses)) {
                if (seen.add(address)) {
                    tasks.add(pool.submit(() -> {
                        one(address, found);
                        return null;
                    }));
                }
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("The export was interrupted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return found.stream().filter(a -> !seen.contains(a)).toList();
        }

        private void one(String address, Set<String> found) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + address))
                    .timeout(Duration.ofSeconds(60)).header("Accept-Encoding", "identity").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String file = null;
            if (response.statusCode() == 200) {
                int question = address.indexOf('?');
                file = SitePaths.file(question < 0 ? address : address.substring(0, question),
                        question < 0 ? null : address.substring(question + 1));
            }
            if (file != null) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                byte[] body = response.body();
                if (type.startsWith("text/html")) {
                    body = rewriter.html(body, file, found);
                    if (file.endsWith("/reach/index.html")) {
                        reach.put(file, body);
                    }
                } else if (type.startsWith("text/css")) {
                    body = rewriter.css(body, file, found);
                }
                store(file, body);
            }
            if (progress != null) {
                progress.update(done.incrementAndGet(), seen.size());
            }
        }

        void store(String file, byte[] bytes) {
            String sha = org.samizdat.shared.Sha256.hex(bytes);
            Path target = out.resolve(file);
            Manifest.Entry before = previous == null ? null : previous.files().get(file);
            try {
                if (before != null && before.sha256().equals(sha) && before.size() == bytes.length
                        && Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                    unchanged.incrementAndGet();
                } else {
                    Files.createDirectories(target.getParent());
                    Path temp = Files.createTempFile(target.getParent(), ".export", ".tmp");
                    Files.write(temp, bytes);
                    Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    written.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            produced.put(file, new Manifest.Entry(sha, bytes.length));
        }

        boolean sameAsBefore(String file) {
            Manifest.Entry now = produced.get(file);
            return now != null && now.equals(previous.files().get(file));
        }

        /** Keeps a file of the previous export as it is, when it is still there with its size. */
        boolean carryOver(String file) {
            Manifest.Entry before = previous.files().get(file);
            try {
                Path path = out.resolve(file);
                if (before == null || !Files.isRegularFile(path) || Files.size(path) != before.size()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
            produced.put(file, before);
            unchanged.incrementAndGet();
            return true;
        }

        /** Deletes the previous export's files that this one did not produce; never a file it did not write. */
        int deleteRest() throws IOException {
            if (previous == null) {
                return 0;
            }
            int deleted = 0;
            Map<Path, Boolean> parents = new HashMap<>();
            for (String file : previous.files().keySet()) {
                if (!produced.containsKey(file) && Files.deleteIfExists(out.resolve(file))) {
                    deleted++;
                    parents.put(out.resolve(file).getParent(), true);
                }
            }
            for (Path dir : parents.keySet()) {
                for (Path d = dir; d != null && !d.equals(out) && d.startsWith(out); d = d.getParent()) {
                    try (var entries = Files.list(d)) {
                        if (entries.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(d);
                }
            }
            return deleted;
        }
    }
}
