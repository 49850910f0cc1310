package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages and redirects under any host name and behind a proxy's path prefix, over real HTTP; hostile Host and
 * X-Forwarded-Prefix values never reach a link or a redirect.
 */
@AppTest
class AnyHostTest {

    static final String ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuv.onion";

    /** Prefix headers that must be ignored: the page comes out exactly as without one. */
    static final List<String> HOSTILE_PREFIXES = List.of("/x\"><script>alert(1)</script>", "//evil.example",
            "javascript:alert(1)", "/a'b", "/a b", "/%2e%2e/admin", "/../etc", "/..", "/a/../b", "/" + "a".repeat(300),
            "/a,/b", "mirror", "/a/b/c/d/e/f", "/<svg>", "/a%0d%0aSet-Cookie:x=1", "/a\\b");

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Test
    void linksCarryAValidPrefixAndTheCacheKeepsPrefixedAndPlainPagesApart() throws Exception {
        Http http = new Http(port);
        new Newsroom(workflow, catalog).publish("Behind a path prefix", null, "Proxies", null);
        String path = "/en/stories/behind-a-path-prefix";
        String prefixHeader = "X-Forwarded-Prefix: /samizdat/\r\n";
        Http.Raw prefixedMiss = http.rawGet(path, "cdn.example", prefixHeader);
        Http.Raw prefixedHit = http.rawGet(path, ONION, prefixHeader);
        Http.Raw plain = http.rawGet(path, "cdn.example", "");

        assertThat(prefixedMiss.status()).isEqualTo(200);
        assertThat(prefixedHit.headers().get("x-cache")).isEqualTo("hit");
        assertThat(prefixedHit.body()).isEqualTo(prefixedMiss.body());
        assertThat(prefixedHit.headers().get("vary")).isEqualTo("Accept-Encoding, X-Forwarded-Prefix");
        Document prefixed = Jsoup.parse(new String(prefixedMiss.body(), StandardCharsets.UTF_8));
        assertThat(prefixed.select("link[rel=stylesheet]").attr("href")).isEqualTo("/samizdat/assets/site.css");
        for (String address : addresses(prefixed)) {
            assertThat(address).as("every host-relative address carries the prefix")
                    .matches("/samizdat/.*|https?://.*|#.*|mailto:.*");
        }
        assertThat(prefixed.select("link[rel=canonical]").attr("href")).isEqualTo("http://localhost:8080" + path);

        Document unprefixed = Jsoup.parse(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(plain.headers().get("x-cache")).isIn("hit", "miss");
        assertThat(addresses(unprefixed)).noneMatch(a -> a.startsWith("/samizdat"));
        assertThat(unprefixed.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/site.css");
    }

    @Test
    void hostilePrefixesAreIgnored() throws Exception {
        Http http = new Http(port);
        new Newsroom(workflow, catalog).publish("Hostile prefixes", null, "Proxies", null);
        String path = "/en/stories/hostile-prefixes";
        byte[] plain = http.rawGet(path, "localhost", "").body();
        for (String prefix : HOSTILE_PREFIXES) {
            Http.Raw page = http.rawGet(path, "localhost", "X-Forwarded-Prefix: " + prefix + "\r\n");
            assertThat(page.status()).as(prefix).isEqualTo(200);
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(prefix)
                    .isEqualTo(new String(plain, StandardCharsets.UTF_8));
            Http.Raw redirect = http.rawGet("/newsroom", "localhost", "X-Forwarded-Prefix: " + prefix + "\r\n");
            assertThat(redirect.headers().get("location")).as(prefix).isEqualTo("/newsroom/signin");
        }
    }

    @Test
    void redirectsAreHostRelativeWhateverTheHost() throws Exception {
        Http http = new Http(port);
        for (String host : List.of("mirror-one.example", ONION, "evil.example:8443", "127.0.0.1:" + port, "[::1]")) {
            Http.Raw redirect = http.rawGet("/newsroom/stories", host, "");
            assertThat(redirect.status()).as(host).isEqualTo(302);
            assertThat(redirect.headers().get("location")).as(host).isEqualTo("/newsroom/signin");
            Http.Raw prefixed = http.rawGet("/newsroom/stories", host, "X-Forwarded-Prefix: /news\r\n");
            assertThat(prefixed.headers().get("location")).as(host).isEqualTo("/news/newsroom/signin");
        }
    }

    @Test
    void theNewsroomSignInFormWorksBehindThePrefix() throws Exception {
        Http.Raw page = new Http(port).rawGet("/newsroom/signin", "cdn.example", "X-Forwarded-Prefix: /news\r\n");
        Document form = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8));
        assertThat(form.select("form").attr("action")).isEqualTo("/news/newsroom/signin");
        assertThat(form.select("link[rel=stylesheet]").eachAttr("href")).allMatch(href -> href.startsWith("/news/assets/"));
    }

    @Test
    void aHostHeaderWithMarkupIsRefusedBeforeAnyPage() throws Exception {
        Http.Raw page = new Http(port).rawGet("/en", "evil.example\"><script>", "");
        assertThat(page.status()).isEqualTo(400);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).doesNotContain("<script>");
    }

    static List<String> addresses(Document page) {
        List<String> all = new java.util.ArrayList<>();
        all.addAll(page.select("a[href], link[href]").eachAttr("href"));
        all.addAll(page.select("form[action]").eachAttr("action"));
        all.addAll(page.select("img[src], script[src]").eachAttr("src"));
        for (String srcset : page.select("[srcset]").eachAttr("srcset")) {
            for (String item : srcset.split(",")) {
                all.add(item.strip().split(" ")[0]);
            }
        }
        return all.stream().filter(a -> !a.isEmpty()).toList();
    }
}
