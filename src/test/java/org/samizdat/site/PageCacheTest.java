package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page cache over real HTTP: hits, gzip, ETags, eviction on publishing, and what it must never keep. */
@AppTest
class PageCacheTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    MeterRegistry meters;

    Http http;
    Newsroom newsroom;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        newsroom = new Newsroom(workflow, catalog);
    }

    double hits() {
        return meters.get("cache.gets").tag("cache", "pages").tag("result", "hit").functionCounter().count();
    }

    @Test
    void secondRequestIsServedFromTheCache() throws Exception {
        newsroom.publish("Cached once served twice", null, "Caching", null);
        String path = "/en/stories/cached-once-served-twice";
        HttpResponse<byte[]> first = http.get(path);
        double hitsBefore = hits();
        HttpResponse<byte[]> second = http.get(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Cache")).hasValue("miss");
        assertThat(second.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(hits()).isEqualTo(hitsBefore + 1);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(Http.text(second)).contains("<h1>Cached once served twice</h1>");
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, stale-while-revalidate=600");
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(second.headers().firstValueAsLong("Content-Length")).hasValue(second.body().length);
        assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void hitsCarryTheSameHeadersAsTheRenderedPage() throws Exception {
        newsroom.publish("Same headers every time", null, "Caching", null);
        String path = "/en/stories/same-headers-every-time";
        java.net.http.HttpHeaders miss = http.get(path).headers();
        java.net.http.HttpHeaders hit = http.get(path).headers();
        java.util.Set<String> varying = java.util.Set.of("x-cache", "date");
        assertThat(hit.map().keySet()).isEqualTo(miss.map().keySet());
        miss.map().forEach((name, values) -> {
            if (!varying.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                assertThat(hit.allValues(name)).as(name).isEqualTo(values);
            }
        });
    }

    @Test
    void gzipBodyDecodesToTheSameHtml() throws Exception {
        newsroom.publish("Compressed for slow networks", null, "Caching", null);
        String path = "/en/stories/compressed-for-slow-networks";
        HttpResponse<byte[]> plain = http.get(path);
        HttpResponse<byte[]> gzip = http.get(path, "Accept-Encoding", "gzip, deflate, br");

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValue("Vary")).hasValue("Accept-Encoding, X-Forwarded-Prefix");
        assertThat(gzip.headers().firstValueAsLong("Content-Length")).hasValue(gzip.body().length);
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(plainTag).matches("\"[0-9a-f]{32}\"");
        assertThat(gzipTag).isNotEqualTo(plainTag).isEqualTo(plainTag.replace("\"", "").transform(t -> "\"" + t + "-gz\""));
        assertThat(http.get(path, "Accept-Encoding", "gzip;q=0, deflate").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void matchingEtagGets304WithoutBody() throws Exception {
        newsroom.publish("Not modified since", null, "Caching", null);
        String path = "/en/stories/not-modified-since";
        String plainTag = http.get(path).headers().firstValue("ETag").orElseThrow();
        String gzipTag = http.get(path, "Accept-Encoding", "gzip").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> plain = http.get(path, "If-None-Match", plainTag);
        HttpResponse<byte[]> gzip = http.get(path, "Accept-Encoding", "gzip", "If-None-Match", "W/" + gzipTag);
        HttpResponse<byte[]> stale = http.get(path, "If-None-Match", "\"0123\"");

        assertThat(plain.statusCode()).isEqualTo(304);
        assertThat(plain.body()).isEmpty();
        assertThat(plain.headers().firstValue("ETag")).hasValue(plainTag);
        assertThat(gzip.statusCode()).isEqualTo(304);
        assertThat(gzip.body()).isEmpty();
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(http.get(path, "If-None-Match", gzipTag).statusCode()).isEqualTo(200);
    }

    @Test
    void editingAStoryRefreshesEveryPageThatShowsIt() throws Exception {
        long section = newsroom.section("cache-edits");
        long author = newsroom.author("cache-edit-writer");
        long id = newsroom.publish("First headline of the edit story", section, "Cache edits", author);
        List<String> pages = List.of("/en/stories/first-headline-of-the-edit-story", "/en/sections/cache-edits",
                "/en/sections/cache-edits?page=1", "/en/tags/cache-edits", "/en/authors/cache-edit-writer", "/en", "/");
        for (String page : pages) {
            http.get(page);
            assertThat(Http.text(http.get(page))).as(page).contains("First headline of the edit story");
        }

        newsroom.draft(id, "Second headline of the edit story", section, "Cache edits", author);

        for (String page : pages) {
            assertThat(Http.text(http.get(page))).as(page)
                    .contains("Second headline of the edit story").doesNotContain("First headline");
        }
    }

    @Test
    void publishingShowsTheNewStoryOnListingsAndHome() throws Exception {
        long section = newsroom.section("cache-news");
        long author = newsroom.author("cache-news-writer");
        newsroom.publish("Older story in the news section", section, "Cache news", author);
        List<String> pages = List.of("/en/sections/cache-news", "/en/tags/cache-news", "/en/authors/cache-news-writer",
                "/en", "/");
        for (String page : pages) {
            http.get(page);
            assertThat(http.get(page).headers().firstValue("X-Cache")).as(page).hasValue("hit");
        }

        newsroom.publish("Breaking story just published", section, "Cache news", author);

        for (String page : pages) {
            assertThat(Http.text(http.get(page))).as(page).contains("Breaking story just published");
        }
    }

    @Test
    void withdrawnStoryIsGoneAtOnce() throws Exception {
        long section = newsroom.section("cache-withdrawals");
        long id = newsroom.publish("Story that will be withdrawn", section, "Cache withdrawals", null);
        String path = "/en/stories/story-that-will-be-withdrawn";
        http.get(path);
        http.get("/en");
        http.get("/en/sections/cache-withdrawals");
        assertThat(http.get(path).headers().firstValue("X-Cache")).hasValue("hit");

        newsroom.withdraw(id);

        assertThat(http.get(path).statusCode()).isEqualTo(404);
        assertThat(Http.text(http.get("/en"))).doesNotContain("Story that will be withdrawn");
        assertThat(Http.text(http.get("/en/sections/cache-withdrawals"))).doesNotContain("Story that will be withdrawn");
    }

    @Test
    void notFoundIsNeverCached() throws Exception {
        String path = "/en/stories/not-written-yet";
        HttpResponse<byte[]> first = http.get(path);
        HttpResponse<byte[]> second = http.get(path);

        assertThat(first.statusCode()).isEqualTo(404);
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.headers().firstValue("X-Cache")).isNotEqualTo(java.util.Optional.of("hit"));
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("no-store");

        newsroom.publish("Not written yet", null, "Caching", null);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void everyHostNameGetsTheSameBytes() throws Exception {
        newsroom.publish("Read through any mirror", null, "Caching", null);
        String path = "/en/stories/read-through-any-mirror";
        Http.Raw mirror = http.rawGet(path, "mirror-one.example");
        Http.Raw onion = http.rawGet(path, "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion");
        Http.Raw local = http.rawGet(path, "localhost:" + port);

        assertThat(mirror.status()).isEqualTo(200);
        assertThat(onion.headers().get("x-cache")).isEqualTo("hit");
        assertThat(onion.body()).isEqualTo(mirror.body());
        assertThat(local.body()).isEqualTo(mirror.body());
        assertThat(new String(mirror.body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("mirror-one.example");
    }

    @Test
    void sessionCookieBypassesTheCache() throws Exception {
        newsroom.publish("Staff see it fresh", null, "Caching", null);
        String path = "/en/stories/staff-see-it-fresh";
        http.get(path);
        assertThat(http.get(path, "Cookie", "theme=dark").headers().firstValue("X-Cache")).hasValue("hit");
        HttpResponse<byte[]> staff = http.get(path, "Cookie", "JSESSIONID=0123456789ABCDEF");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.headers().firstValue("X-Cache")).isEmpty();
    }

    @Test
    void headRequestsAreAnsweredFromTheCacheWithoutBody() throws Exception {
        newsroom.publish("Head first", null, "Caching", null);
        String path = "/en/stories/head-first";
        int length = http.get(path).body().length;
        HttpResponse<Void> head = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(length);
    }
}
