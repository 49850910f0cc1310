package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.distribution.internal.MirrorExport;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every story page of a static mirror shows the "Read more" picks the live site shows for that story (rendered
 * again past the page cache, which may hold a page for its time to live).
 */
@AppTest
@TestPropertySource(properties = {"samizdat.demo-content=true", "samizdat.distribution.export-threads=3"})
class MirrorReadMoreTest {

    @LocalServerPort
    int port;

    @Autowired
    MirrorExport export;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    @Test
    void theMirrorShowsTheLiveSitesPicks() throws Exception {
        Path dir = temp.resolve("mirror");
        export.export("http://127.0.0.1:" + port, dir, false, null);
        List<String> pages = MirrorExportTest.files(dir).stream().filter(f -> f.matches("(en|ru)/stories/[^/]+/index\\.html"))
                .toList();
        assertThat(pages).isNotEmpty();
        HttpClient http = HttpClient.newHttpClient();
        int withPicks = 0;
        for (String file : pages) {
            List<String> mirror = readMore(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
            String live = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"
                    + file.substring(0, file.length() - "/index.html".length()))).header("Authorization", "test").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(mirror).as(file).isEqualTo(readMore(live));
            withPicks += mirror.isEmpty() ? 0 : 1;
        }
        assertThat(withPicks).isPositive();
        assertThat(jdbc.sql("select count(*) from read_more").query(Integer.class).single()).isPositive();
    }

    private static List<String> readMore(String page) {
        return Jsoup.parse(page).select("aside.read-more h3 a").eachText();
    }
}
