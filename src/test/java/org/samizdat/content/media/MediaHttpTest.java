package org.samizdat.content.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.MediaStore;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Photo variants over real HTTP: content type, year-long immutable caching, ETag revalidation, 404s. */
@AppTest
class MediaHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    MediaStore media;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    long photo(Color color) throws Exception {
        BufferedImage image = new BufferedImage(1500, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 1500, 1000);
        g.setColor(Color.WHITE);
        g.fillOval(500, 300, 500, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return media.store(out.toByteArray());
    }

    @Test
    void servesVariantsWithLongCachingAndRevalidation() throws Exception {
        long id = photo(new Color(40, 90, 160));
        HttpResponse<byte[]> first = get("/media/" + id + "/w640.jpg");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("public", "max-age=31536000", "immutable").doesNotContain("no-store", "no-cache"));
        assertThat(first.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(427);
        assertThat(first.headers().firstValueAsLong("Content-Length")).hasValue(first.body().length);

        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/media/" + id + "/w640.jpg", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> other = get("/media/" + id + "/w320.jpg", "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(get("/media/" + id + "/w1280.jpg").statusCode()).isEqualTo(200);
    }

    @Test
    void answersHeadAndRangeRequests() throws Exception {
        long id = photo(new Color(90, 60, 140));
        HttpResponse<byte[]> whole = get("/media/" + id + "/w1280.jpg");
        HttpResponse<byte[]> part = get("/media/" + id + "/w1280.jpg", "Range", "bytes=0-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOf(whole.body(), 100));
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/media/"
                + id + "/w1280.jpg")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(whole.body().length);
    }

    @Test
    void missingVariantIsRebuiltOnRequest() throws Exception {
        long id = photo(new Color(150, 40, 40));
        Files.delete(media.variant(id, "w1280").orElseThrow().path());
        HttpResponse<byte[]> response = get("/media/" + id + "/w1280.jpg");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(1280);
    }

    @Test
    void unknownPhotosVariantsAndOriginalsAre404() throws Exception {
        long id = photo(new Color(20, 120, 60));
        assertThat(get("/media/999999/w640.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/" + id + "/w641.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/" + id + "/original.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/" + id + "/w640.png").statusCode()).isEqualTo(404);
        assertThat(get("/media/" + id + "/w640").statusCode()).isEqualTo(404);
        assertThat(get("/media/abc/w640.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/0/w640.jpg").statusCode()).isEqualTo(404);
        assertThat(get("/media/" + id + "/..%2Fw640.jpg").statusCode()).isIn(400, 404);
        assertThat(get("/media/" + id + "/w800.jpg").statusCode()).isEqualTo(200);
        assertThat(get("/media/" + id + "/w480.jpg").statusCode()).isEqualTo(200);
        for (String hostile : new String[] {"/media/" + id + "/..%2F..%2F..%2Fetc%2Fpasswd.jpg",
                "/media/" + id + "/%2e%2e%2Fw800.jpg", "/media/" + id + "/w800.jpg%00.jpg", "/media/" + id + "/w800%2F.jpg",
                "/media/" + id + "%2F..%2F1/w800.jpg", "/media/" + id + "/w800.jpg.jpg", "/media/" + id + "/W800.jpg",
                "/media/" + id + "/w8000.jpg", "/media/99999999999999999999/w800.jpg"}) {
            HttpResponse<byte[]> answer = get(hostile);
            assertThat(answer.statusCode()).as(hostile).isIn(400, 404);
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).as(hostile)
                    .doesNotContain("root:", "Exception", "at org.");
        }
        HttpResponse<byte[]> notFound = get("/media/999999/w640.jpg");
        assertThat(notFound.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
    }
}
