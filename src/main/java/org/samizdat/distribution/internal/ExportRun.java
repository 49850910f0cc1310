package org.samizdat.distribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.samizdat.shared.Sha256;

/**
 * One export's state, shared by the fetching threads: which addresses were asked for, which files were produced
 * with which hash, which stories each page links to, and how much time went where. Pages come from the running
 * application over one keep-alive HTTP client; a file is written only when its hash differs from the previous
 * manifest's (through a temporary file and an atomic rename, so a reader never sees half a page).
 */
final class ExportRun {

    /**
     * Any Authorization header takes a request past the page cache (nothing here checks its value). A cached page
     * may predate the change being exported (a listing a story left stays cached until its TTL), and a full
     * export should not push the pages readers need out of the cache.
     */
    private static final String PAST_THE_CACHE = "Samizdat-Mirror-Export";

    private final String base;
    private final Path out;
    private final Manifest previous;
    private final PageRewriter rewriter;
    private final MirrorExport.Progress progress;
    private final Map<String, Long> storyIds;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final Map<String, Manifest.Entry> produced = new ConcurrentHashMap<>();
    final Map<String, List<Long>> links = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> pageLinks = new ConcurrentHashMap<>();
    final Map<String, byte[]> reach = new ConcurrentHashMap<>();
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger fetched = new AtomicInteger();
    final AtomicLong fetchNanos = new AtomicLong();
    final AtomicLong rewriteNanos = new AtomicLong();
    final AtomicLong storeNanos = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();

    /** {@code storyIds}: every live story's address and id, so a page's links can be recorded as story ids. */
    ExportRun(String base, Path out, Manifest previous, PageRewriter rewriter, MirrorExport.Progress progress,
            Map<String, Long> storyIds) {
        this.base = base;
        this.out = out;
        this.previous = previous;
        this.rewriter = rewriter;
        this.progress = progress;
        this.storyIds = storyIds;
        seen.add("/en/search");
        seen.add("/ru/search");
    }

    /** Pages being fetched in parallel, and the addresses they link to. */
    record Wave(List<Future<?>> tasks, Set<String> found) {
    }

    /** Starts fetching the addresses not seen yet, in parallel; {@link #finish} waits for them. */
    Wave start(ExecutorService pool, Collection<String> addresses) {
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
        return new Wave(tasks, found);
    }

    /** Waits for a wave; returns the addresses its pages link to that were not seen yet. */
    List<String> finish(Wave wave) throws IOException {
        for (Future<?> task : wave.tasks()) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("The export was interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
        return wave.found().stream().filter(a -> !seen.contains(a)).toList();
    }

    /** Fetches the addresses not seen yet, in parallel; returns the new addresses their pages link to. */
    List<String> fetch(ExecutorService pool, Collection<String> addresses) throws IOException {
        return finish(start(pool, addresses));
    }

    /** Fetches until no page links to an address not seen yet. */
    void crawl(ExecutorService pool, List<String> seeds) throws IOException {
        List<String> wave = seeds;
        while (!wave.isEmpty()) {
            wave = fetch(pool, wave);
        }
    }

    private void one(String address, Set<String> found) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + address))
                .timeout(Duration.ofSeconds(60)).header("Accept-Encoding", "identity")
                .header("Authorization", PAST_THE_CACHE).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long fetchedAt = System.nanoTime();
        fetchNanos.addAndGet(fetchedAt - start);
        fetched.incrementAndGet();
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
                Set<String> linked = new HashSet<>();
                body = rewriter.html(body, file, linked);
                found.addAll(linked);
                pageLinks.put(file, linked);
                if (file.endsWith("/reach/index.html")) {
                    reach.put(file, body);
                }
            } else if (type.startsWith("text/css")) {
                body = rewriter.css(body, file, found);
            }
            long rewritten = System.nanoTime();
            rewriteNanos.addAndGet(rewritten - fetchedAt);
            store(file, body);
            storeNanos.addAndGet(System.nanoTime() - rewritten);
        }
        if (progress != null) {
            progress.update(done.incrementAndGet(), seen.size());
        }
    }

    /**
     * Records, for every page read, which stories it links to, once {@code storyIds} knows every live story (the
     * first pages are read before it does); carried-over pages keep the links the previous export recorded.
     */
    void resolveLinks() {
        pageLinks.forEach((file, linked) -> {
            List<Long> ids = linked.stream().map(storyIds::get).filter(id -> id != null).distinct().sorted().toList();
            if (ids.isEmpty()) {
                links.remove(file);
            } else {
                links.put(file, ids);
            }
        });
        pageLinks.clear();
    }

    void store(String file, byte[] bytes) {
        String sha = Sha256.hex(bytes);
        Path target = out.resolve(file);
        Manifest.Entry before = previous == null ? null : previous.files().get(file);
        try {
            if (before != null && before.sha256().equals(sha) && before.size() == bytes.length
                    && Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                unchanged.incrementAndGet();
            } else {
                Files.createDirectories(target.getParent() == null ? out : target.getParent());
                Path temp = Files.createTempFile(target.getParent() == null ? out : target.getParent(), ".export", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
        seen.add(SitePaths.address(file));
        unchanged.incrementAndGet();
        return true;
    }

    /** Takes back a file produced in this run: deleted now if new, or with the previous export's leftovers. */
    void drop(String file) throws IOException {
        produced.remove(file);
        links.remove(file);
        pageLinks.remove(file);
        if (previous == null || !previous.files().containsKey(file)) {
            Files.deleteIfExists(out.resolve(file));
        }
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
