package org.samizdat.staff;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A browser stand-in for newsroom tests: keeps cookies, never follows redirects, and remembers the CSRF
 * token of the last page it fetched so {@link #post} can send it like a form would.
 */
public final class NewsroomClient {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf = "";

    public NewsroomClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A client that sends the given session id, as an attacker replaying a stolen or planted cookie would. */
    public static NewsroomClient withSession(int port, String sessionId) {
        NewsroomClient client = new NewsroomClient(port);
        HttpCookie cookie = new HttpCookie("newsroom", sessionId);
        cookie.setPath("/newsroom");
        cookie.setVersion(0);
        client.cookies.getCookieStore().add(URI.create(client.base + "/newsroom"), cookie);
        return client;
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        Element token = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
        if (token != null) {
            csrf = token.attr("value");
        }
        return response;
    }

    /** Posts the fields (a list value repeats the field) with the remembered CSRF token. */
    public HttpResponse<String> post(String path, Map<String, ?> fields, String... headers) throws Exception {
        return postRaw(path, encode(fields) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> postWithoutCsrf(String path, Map<String, ?> fields, String... headers) throws Exception {
        return postRaw(path, encode(fields), headers);
    }

    /** A multipart post, as the story editor sends it, with one file field. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, byte[] file)
            throws Exception {
        String boundary = "----samizdat" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        for (Map.Entry<String, String> e : all.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches the sign-in page and submits it; returns the answer to the form post. */
    public HttpResponse<String> signIn(String username, String password) throws Exception {
        get("/newsroom/signin");
        return post("/newsroom/signin", Map.of("username", username, "password", password));
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().endsWith("newsroom"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> postRaw(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, ?> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object v : values) {
                pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        });
        return String.join("&", pairs);
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }
}
