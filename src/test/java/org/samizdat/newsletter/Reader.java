package org.samizdat.newsletter;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A reader's browser over real HTTP: form posts carry the site's own Origin unless a test says otherwise, and
 * each reader comes from its own client address (X-Forwarded-For, honoured for the local proxy).
 */
final class Reader {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final int port;
    private final String address;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    Reader(int port) {
        this.port = port;
        int n = NEXT.getAndIncrement();
        this.address = "10.9." + (n / 250) + "." + (n % 250 + 1);
    }

    String origin() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(origin() + path)).header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signUp(String lang, String email) throws Exception {
        return post("/" + lang + "/newsletter", form("email", email, "form", "footer"), "Origin", origin());
    }

    /** A POST with exactly these headers besides the client address (no Origin unless given). */
    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String encode(Map<String, String> form) {
        List<String> parts = new ArrayList<>();
        form.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return parts.stream().collect(Collectors.joining("&"));
    }
}
