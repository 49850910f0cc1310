package org.samizdat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reaching other people's things by changing an id or a token in the address: one author's story from another
 * author's session, and newsletter tokens that are not the reader's own. Each row has its exact answer.
 */
@AppTest
class CrossAccountTest {

    /** What an author tries on a colleague's draft, and the answer. */
    record Attempt(String method, String path, int status) {
    }

    static final List<Attempt> OTHER_AUTHORS_STORY = List.of(
            new Attempt("GET", "/newsroom/stories/{id}", 403),
            new Attempt("POST", "/newsroom/stories/{id}", 403),
            new Attempt("POST", "/newsroom/stories/{id}/preview", 403),
            new Attempt("GET", "/newsroom/stories/{id}/revisions", 403),
            new Attempt("POST", "/newsroom/stories/{id}/revisions/1/restore", 403),
            new Attempt("POST", "/newsroom/stories/{id}/publish", 403),
            new Attempt("POST", "/newsroom/stories/{id}/withdraw", 403));

    /**
     * Tokens that are not a reader's own (guessed, tampered, attacks on the lookup): 404, or 400 where the
     * firewall refuses the address itself (encoded slash, NUL).
     */
    static final Map<String, Integer> FOREIGN_TOKENS = Map.of("a".repeat(43), 404, "0", 404,
            "%27%20OR%20%271%27%3D%271", 404, "..%2F..%2Fnewsroom", 400, "x".repeat(500), 404, "null", 404, "%00", 400);

    static final String PASSWORD = "not my story to edit";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    StoryRepository stories;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @BeforeEach
    void reset() {
        throttle.clear();
    }

    NewsroomClient author() throws Exception {
        String username = NewsroomClient.unique("idor");
        staff.create(username, username, Role.AUTHOR, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    @Test
    void anAuthorCannotReachAnotherAuthorsStory() throws Exception {
        NewsroomClient owner = author();
        NewsroomClient intruder = author();
        long id = NewsroomPermissionsTest.ownStory(owner);
        String headline = stories.find(id).orElseThrow().headline();
        for (Attempt attempt : OTHER_AUTHORS_STORY) {
            String path = attempt.path().replace("{id}", String.valueOf(id));
            intruder.get("/newsroom/account");
            HttpResponse<String> answer = attempt.method().equals("GET") ? intruder.get(path)
                    : intruder.post(path, Map.of("headline", "Hijacked", "language", "en", "body", "x", "standfirst", ""));
            assertThat(answer.statusCode()).as(attempt.method() + " " + path).isEqualTo(attempt.status());
        }
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo(headline);
        assertThat(owner.get("/newsroom/stories/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void newsletterTokensOnlyOpenTheirOwnSubscription() throws Exception {
        Pages pages = new Pages(port, workflow, catalog);
        for (Map.Entry<String, Integer> foreign : FOREIGN_TOKENS.entrySet()) {
            String token = foreign.getKey();
            for (String kind : List.of("confirm", "unsubscribe")) {
                String path = "/newsletter/" + kind + "/" + token;
                assertThat(pages.get(path).statusCode()).as("GET " + path).isEqualTo(foreign.getValue());
                HttpResponse<String> post = pages.post(path, "", "Sec-Fetch-Site", "same-origin");
                assertThat(post.statusCode()).as("POST " + path).isEqualTo(foreign.getValue());
            }
        }
    }
}
