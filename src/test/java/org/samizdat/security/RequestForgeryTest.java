package org.samizdat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cross-site request forgery against newsroom forms (session + CSRF token + browser origin headers) and public
 * forms (origin headers only, since cached pages carry no token). Each row is a forged request and its answer.
 */
@AppTest
class RequestForgeryTest {

    /** A way of sending a form: the token it carries and the browser headers. */
    record Forgery(String name, boolean validToken, String token, String[] headers, int status) {
    }

    static final String[] NONE = new String[0];

    static final List<Forgery> NEWSROOM = List.of(
            new Forgery("no token", false, null, NONE, 403),
            new Forgery("someone else's token", false, "3f1c0f0e-bad0-4bad-9bad-0123456789ab", NONE, 403),
            new Forgery("valid token, cross-site fetch", true, null, new String[] {"Sec-Fetch-Site", "cross-site"}, 403),
            new Forgery("valid token, same-site fetch", true, null, new String[] {"Sec-Fetch-Site", "same-site"}, 403),
            new Forgery("valid token, foreign Origin", true, null, new String[] {"Origin", "https://evil.example"}, 403),
            new Forgery("valid token, same origin", true, null, new String[] {"Sec-Fetch-Site", "same-origin"}, 422));

    /** Public POSTs refused unless the browser shows they came from a page of this host. */
    static final List<Forgery> PUBLIC = List.of(
            new Forgery("no origin headers", false, null, NONE, 403),
            new Forgery("cross-site fetch", false, null, new String[] {"Sec-Fetch-Site", "cross-site"}, 403),
            new Forgery("foreign Origin", false, null, new String[] {"Origin", "https://evil.example"}, 403),
            new Forgery("foreign Referer", false, null, new String[] {"Referer", "https://evil.example/page"}, 403),
            new Forgery("Origin of a look-alike host", false, null, new String[] {"Origin", "http://127.0.0.1.evil.example"}, 403));

    static final String PASSWORD = "forgery is refused here";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @BeforeEach
    void reset() {
        throttle.clear();
    }

    @Test
    void newsroomFormsNeedTheTokenAndASameOriginBrowser() throws Exception {
        String username = NewsroomClient.unique("forged");
        staff.create(username, "Forged", Role.AUTHOR, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        for (Forgery forgery : NEWSROOM) {
            client.get("/newsroom/account");
            Map<String, String> fields = Map.of("current", "wrong", "password", "short", "repeat", "short");
            HttpResponse<String> answer = forgery.validToken() ? client.post("/newsroom/account", fields, forgery.headers())
                    : client.postWithoutCsrf("/newsroom/account", forgery.token() == null ? fields
                            : Map.of("current", "wrong", "_csrf", forgery.token()), forgery.headers());
            assertThat(answer.statusCode()).as(forgery.name()).isEqualTo(forgery.status());
        }
        assertThat(client.get("/newsroom/stories").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void publicFormsNeedASameOriginBrowser() throws Exception {
        Pages pages = new Pages(port, workflow, catalog);
        // Unsubscribing is left out on purpose: mail clients' one-click POST (RFC 8058) has no origin, and the
        // secret token in the address is what protects it.
        for (String path : List.of("/en/newsletter", "/ru/newsletter", "/newsletter/confirm/" + "a".repeat(43))) {
            for (Forgery forgery : PUBLIC) {
                HttpResponse<String> answer = pages.post(path, "email=reader%40example.org&form=page", forgery.headers());
                assertThat(answer.statusCode()).as(path + " · " + forgery.name()).isEqualTo(forgery.status());
            }
        }
    }
}
