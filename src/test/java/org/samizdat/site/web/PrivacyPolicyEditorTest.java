package org.samizdat.site.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins publish privacy policy versions from the newsroom; readers see the newest, old ones stay put. */
@AppTest
class PrivacyPolicyEditorTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    NewsroomClient signedIn(Role role) throws Exception {
        throttle.clear();
        String username = NewsroomClient.unique(role.name().toLowerCase());
        staff.create(username, "Someone", role, "a fine passphrase");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "a fine passphrase");
        return client;
    }

    String publicPage(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void adminPublishesANewVersionAndTheOldOneStaysOnline() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        assertThat(publicPage("/en/privacy")).contains("Version 1");
        String first = publicPage("/en/privacy/v1");
        HttpResponse<String> form = admin.get("/newsroom/privacy/en");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Privacy policy");

        HttpResponse<String> saved = admin.post("/newsroom/privacy/en",
                Map.of("title", "Privacy policy", "body", "We now keep **even less**.\n\n<script>alert(1)</script>"));
        assertThat(saved.statusCode()).isEqualTo(302);

        String current = publicPage("/en/privacy");
        assertThat(current).contains("Version 2", "<strong>even less</strong>").doesNotContain("<script>alert");
        assertThat(publicPage("/en/privacy/v1")).isEqualTo(first);
        assertThat(publicPage("/ru/privacy")).contains("Версия 1");
    }

    @Test
    void emptyOrOverlongFieldsAreRefusedWithTheTextKept() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        admin.get("/newsroom/privacy/en");
        HttpResponse<String> empty = admin.post("/newsroom/privacy/en", Map.of("title", "", "body", "Kept text"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("This field is required.", "Kept text");
        HttpResponse<String> overlong = admin.post("/newsroom/privacy/en", Map.of("title", "T".repeat(201), "body", "x"));
        assertThat(overlong.statusCode()).isEqualTo(422);
        assertThat(overlong.body()).contains("at most 200 characters");
    }

    @Test
    void onlyAdminsMayEditThePolicy() throws Exception {
        NewsroomClient editor = signedIn(Role.EDITOR);
        editor.get("/newsroom/stories");
        assertThat(editor.get("/newsroom/privacy/en").statusCode()).isEqualTo(403);
        assertThat(editor.post("/newsroom/privacy/en", Map.of("title", "Hijacked", "body", "x")).statusCode())
                .isEqualTo(403);
        assertThat(publicPage("/en/privacy")).doesNotContain("Hijacked");
    }
}
