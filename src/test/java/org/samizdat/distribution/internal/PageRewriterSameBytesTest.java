package org.samizdat.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.samizdat.support.AppTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The page rewriter that gathers the elements to change in one walk writes the same bytes, and reports the same
 * addresses, as the one that ran a selector query per kind of element: on the demo site's real pages (home pages,
 * stories, listings, feeds' pages, reach, privacy, search, sign-up forms) and on made-up edge cases.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class PageRewriterSameBytesTest {

    static final String ORIGIN = "https://news.example.org";

    @LocalServerPort
    int port;

    final PageRewriter now = new PageRewriter(ORIGIN);
    final PageRewriterBefore before = new PageRewriterBefore(ORIGIN);

    @Test
    void sameBytesOnTheDemoSitesPages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Queue<String> queue = new ArrayDeque<>(List.of("/", "/en", "/ru", "/en/reach", "/ru/reach", "/en/privacy",
                "/en/search?q=the", "/en/newsletter", "/ru/newsletter", "/en/support"));
        Set<String> seen = new HashSet<>(queue);
        int pages = 0;
        while (!queue.isEmpty() && pages < 250) {
            String address = queue.remove();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + address)).header("Authorization", "test").build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200
                    || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            String file = SitePaths.file(address.contains("?") ? address.substring(0, address.indexOf('?')) : address,
                    null);
            file = file == null ? "x/index.html" : file;
            Set<String> found = new HashSet<>();
            Set<String> foundBefore = new HashSet<>();
            byte[] bytes = now.html(response.body(), file, found);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(address)
                    .isEqualTo(new String(before.html(response.body(), file, foundBefore), StandardCharsets.UTF_8));
            assertThat(found).as(address).isEqualTo(foundBefore);
            pages++;
            found.stream().sorted().filter(seen::add).forEach(queue::add);
        }
        assertThat(pages).isGreaterThan(100);
    }

    @Test
    void sameBytesOnEdgeCases() {
        String page = """
                <!doctype html><html><head><link rel="stylesheet" href="/assets/site.css">
                <script src="/assets/a.js"></script><script src="/newsroom/x.js"></script></head><body>
                <a href="/newsroom/stories"><img src="/media/1/a.jpg" srcset="/media/1/a.jpg 1x, /media/1/b.jpg 2x">Edit</a>
                <form method="POST" action="/en/newsletter"><a href="/en/privacy">privacy</a>
                  <img src="/media/2/c.jpg" srcset="/media/2/c.jpg 480w"><button>Sign up</button></form>
                <form method="post" action="/newsroom/login"><input type="submit" value="Go"><area href="/en"></form>
                <form method=" Post " action="/en/support"><input name="x"></form>
                <form action="/newsroom/search"><map><area href="/ru" alt="ru"></map>
                  <picture><source src="/media/3/d.jpg" srcset="/media/3/d.webp 1x"></picture></form>
                <form action="/en/search" method="get"><input name="q"></form>
                <a href="//cdn.example.org/x">cdn</a> <a href=" /en/reach#top ">reach</a> <a href="/en?page=2">2</a>
                <link rel="alternate" href="/newsroom"><img src="/newsroom/pixel.gif"><a href="">empty</a>
                </body></html>""";
        for (String file : List.of("index.html", "en/stories/x/index.html", "en/tags/a/page-2.html")) {
            Set<String> found = new HashSet<>();
            Set<String> foundBefore = new HashSet<>();
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            assertThat(new String(now.html(bytes, file, found), StandardCharsets.UTF_8)).as(file)
                    .isEqualTo(new String(before.html(bytes, file, foundBefore), StandardCharsets.UTF_8));
            assertThat(found).as(file).isEqualTo(foundBefore).isNotEmpty();
        }
    }
}
