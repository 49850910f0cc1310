package org.samizdat.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.samizdat.support.AppTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Photos on readers' pages, as a phone gets them: every width in {@code srcset} with {@code sizes}, explicit
 * dimensions, the lead photo fetched first (never lazy, high priority) and every other photo lazy; each
 * listed file is a JPEG of the width it claims, cached for a year.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class ResponsivePhotosTest {

    static final String STORY_EN = "/en/stories/parliament-votes-to-extend-the-chairman-s-term-without-an-election";
    static final String STORY_RU = "/ru/stories/parlament-prodlil-srok-predsedatelya-bez-vyborov";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {STORY_EN, STORY_RU})
    void theLeadPhotoComesFirstInEveryWidthAndTheRestWait(String path) throws Exception {
        Document page = page(path);
        Element lead = page.selectFirst("article.story > figure > img");
        assertThat(lead).as("the demo story has a lead photo").isNotNull();
        assertThat(lead.attr("fetchpriority")).isEqualTo("high");
        assertThat(lead.hasAttr("loading")).as("the lead photo is never lazy").isFalse();
        assertThat(lead.attr("sizes")).contains("100vw");
        assertThat(lead.attr("width")).isEqualTo("640");
        assertThat(lead.attr("height")).isEqualTo("427");
        List<Candidate> candidates = candidates(lead.attr("srcset"));
        assertThat(candidates).extracting(Candidate::width).containsExactly(320, 480, 640, 800, 1280);
        for (Candidate candidate : candidates) {
            HttpResponse<byte[]> file = get(candidate.url());
            assertThat(file.statusCode()).as(candidate.url()).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
            assertThat(ImageIO.read(new ByteArrayInputStream(file.body())).getWidth()).as(candidate.url())
                    .isEqualTo(candidate.width());
        }

        List<Element> others = page.select("img").stream().filter(img -> img != lead).toList();
        assertThat(others).as("read-more photos").isNotEmpty();
        assertThat(others).allSatisfy(img -> {
            assertThat(img.attr("loading")).isEqualTo("lazy");
            assertThat(img.hasAttr("fetchpriority")).isFalse();
            assertThat(img.attr("width")).isNotBlank();
            assertThat(img.attr("height")).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {STORY_EN, "/en"})
    void aPhoneAtLighthouseDensityPicksTheEightHundredPixelFile(String path) throws Exception {
        Element first = page(path).selectFirst("main img[fetchpriority=high]");
        assertThat(first).isNotNull();
        int slot = 412 - 32;
        int wanted = (int) Math.ceil(slot * 1.75);
        int chosen = candidates(first.attr("srcset")).stream().mapToInt(Candidate::width).filter(w -> w >= wanted)
                .min().orElseThrow();
        assertThat(first.attr("sizes")).endsWith("calc(100vw - 2rem)");
        assertThat(chosen).isEqualTo(800);
    }

    private Document page(String path) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<Candidate> candidates(String srcset) {
        List<Candidate> list = new ArrayList<>();
        for (String item : srcset.split(",")) {
            String[] parts = item.strip().split(" ");
            assertThat(parts).hasSize(2);
            assertThat(parts[1]).endsWith("w");
            list.add(new Candidate(parts[0], Integer.parseInt(parts[1].substring(0, parts[1].length() - 1))));
        }
        return list;
    }

    private record Candidate(String url, int width) {
    }
}
