package org.samizdat.revenue;

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

/**
 * A reader's browser over real HTTP for the revenue pages: no cookies, no redirects followed, form posts carrying
 * the site's own Origin, each donor from its own client address.
 */
public final class Donor {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private final int port;
    private final String address;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Donor(int port) {
        this.port = port;
        int n = NEXT.getAndIncrement();
        this.address = "10.44." + (n / 250) + "." + (n % 250 + 1);
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(origin() + path)).header("X-Forwarded-For", address)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST with the site's Origin. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return post(path, form, "Origin", origin());
    }

    /** A form POST with exactly these extra headers. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a checkout; the answer is a redirect to the provider's page, or the form again. */
    public HttpResponse<String> checkout(String... pairs) throws Exception {
        return post("/support/checkout", form(pairs));
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    public static Map<String, String> form(String... pairs) {
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
        return String.join("&", parts);
    }
}
