package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each role against each kind of newsroom endpoint, through the URL rules and the workflow. */
@AppTest
class NewsroomRolesTest {

    static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StoryRepository stories;

    @Autowired
    SignInThrottle throttle;

    NewsroomClient author;
    NewsroomClient otherAuthor;
    NewsroomClient editor;
    NewsroomClient admin;

    @BeforeEach
    void signIn() throws Exception {
        throttle.clear();
        author = as(Role.AUTHOR);
        otherAuthor = as(Role.AUTHOR);
        editor = as(Role.EDITOR);
        admin = as(Role.ADMIN);
    }

    NewsroomClient as(Role role) throws Exception {
        String username = NewsroomClient.unique(role.name().toLowerCase());
        staff.create(username, username, role, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        assertThat(client.signIn(username, PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/newsroom");
        return client;
    }

    static Map<String, Object> story(String headline) {
        return Map.of("headline", headline, "language", "en", "body", "Some text", "standfirst", "");
    }

    static long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/newsroom/stories/[0-9]+\\?done=.*");
        return Long.parseLong(location.replaceAll(".*/newsroom/stories/([0-9]+)\\?.*", "$1"));
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        NewsroomClient stranger = new NewsroomClient(port);
        for (String path : List.of("/newsroom", "/newsroom/stories", "/newsroom/stories/new", "/newsroom/stories/1",
                "/newsroom/sections", "/newsroom/tags", "/newsroom/authors", "/newsroom/staff", "/newsroom/account")) {
            HttpResponse<String> page = stranger.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElse("")).as(path).endsWith("/newsroom/signin");
        }
    }

    @Test
    void authorsWriteTheirOwnDraftsButCannotPublishOrManage() throws Exception {
        author.get("/newsroom/stories/new");
        long id = created(author.post("/newsroom/stories/new", story("An author's draft")));
        assertThat(author.get("/newsroom/stories/" + id).statusCode()).isEqualTo(200);
        assertThat(author.get("/newsroom/stories/" + id).body()).doesNotContain("formaction=\"/newsroom/stories/" + id + "/publish\"");
        for (String action : List.of("publish", "schedule", "withdraw", "unschedule")) {
            HttpResponse<String> refused = author.post("/newsroom/stories/" + id + "/" + action,
                    Map.of("headline", "Sneaky", "language", "en", "publishAt", "2099-01-01T10:00"));
            assertThat(refused.statusCode()).as(action).isEqualTo(403);
        }
        assertThat(stories.find(id).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("An author's draft");
        for (String path : List.of("/newsroom/sections", "/newsroom/tags", "/newsroom/authors", "/newsroom/staff")) {
            assertThat(author.get(path).statusCode()).as(path).isEqualTo(403);
        }
        author.get("/newsroom/stories");
        assertThat(author.post("/newsroom/staff", Map.of("username", "intruder", "displayName", "X", "role", "ADMIN",
                "password", "password123")).statusCode()).isEqualTo(403);
        assertThat(author.post("/newsroom/sections", Map.of("slug", "x", "nameEn", "X", "nameRu", "X", "position", "1"))
                .statusCode()).isEqualTo(403);
        assertThat(staff.usernameTaken("intruder")).isFalse();
    }

    @Test
    void authorsCannotTouchSomeoneElsesStory() throws Exception {
        otherAuthor.get("/newsroom/stories/new");
        long id = created(otherAuthor.post("/newsroom/stories/new", story("Not yours")));
        assertThat(author.get("/newsroom/stories/" + id).statusCode()).isEqualTo(403);
        author.get("/newsroom/stories");
        assertThat(author.post("/newsroom/stories/" + id, story("Hijacked")).statusCode()).isEqualTo(403);
        assertThat(author.get("/newsroom/stories/" + id + "/revisions").statusCode()).isEqualTo(403);
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Not yours");
    }

    @Test
    void authorsCannotEditAStoryOnceItIsPublished() throws Exception {
        author.get("/newsroom/stories/new");
        long id = created(author.post("/newsroom/stories/new", story("Published then locked")));
        editor.get("/newsroom/stories/" + id);
        created(editor.post("/newsroom/stories/" + id + "/publish", story("Published then locked")));
        author.get("/newsroom/stories/" + id);
        HttpResponse<String> refused = author.post("/newsroom/stories/" + id, story("Changed after publication"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Your role does not allow this");
        assertThat(stories.find(id).orElseThrow().headline()).isEqualTo("Published then locked");
    }

    @Test
    void editorsPublishAnythingAndManageTheCatalogueButNotStaff() throws Exception {
        author.get("/newsroom/stories/new");
        String headline = NewsroomClient.unique("Editor publishes this ");
        long id = created(author.post("/newsroom/stories/new", story(headline)));
        editor.get("/newsroom/stories/" + id);
        created(editor.post("/newsroom/stories/" + id + "/publish", story(headline)));
        String livePath = "/en/stories/" + stories.find(id).orElseThrow().slug();
        assertThat(new NewsroomClient(port).get(livePath).statusCode()).isEqualTo(200);
        editor.get("/newsroom/stories/" + id);
        created(editor.post("/newsroom/stories/" + id + "/withdraw", Map.of()));
        assertThat(new NewsroomClient(port).get(livePath).statusCode()).isEqualTo(404);
        for (String path : List.of("/newsroom/sections", "/newsroom/tags", "/newsroom/authors", "/newsroom/authors/new")) {
            assertThat(editor.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(editor.get("/newsroom/staff").statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void adminsManageStaffAccounts() throws Exception {
        assertThat(admin.get("/newsroom/staff").statusCode()).isEqualTo(200);
        String username = NewsroomClient.unique("reporter");
        HttpResponse<String> created = admin.post("/newsroom/staff", Map.of("username", username,
                "displayName", "New Reporter", "role", "AUTHOR", "password", "eight chars"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = staff.all().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().id();
        NewsroomClient reporter = new NewsroomClient(port);
        reporter.signIn(username, "eight chars");
        assertThat(reporter.get("/newsroom/sections").statusCode()).isEqualTo(403);

        admin.get("/newsroom/staff");
        admin.post("/newsroom/staff/" + id + "/role", Map.of("role", "EDITOR"));
        assertThat(reporter.get("/newsroom/sections").statusCode()).as("a new role applies at once").isEqualTo(200);

        admin.get("/newsroom/staff");
        admin.post("/newsroom/staff/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(reporter.get("/newsroom/stories").statusCode()).isEqualTo(302);
        assertThat(new NewsroomClient(port).signIn(username, "eight chars").headers().firstValue("Location")
                .orElse("")).endsWith("?error");
    }

    @Test
    void staffFormRejectsShortPasswordsAndKeepsTheRest() throws Exception {
        admin.get("/newsroom/staff");
        HttpResponse<String> rejected = admin.post("/newsroom/staff", Map.of("username", "shorty",
                "displayName", "Short Password", "role", "EDITOR", "password", "seven77"));
        assertThat(rejected.statusCode()).isEqualTo(422);
        assertThat(rejected.body()).contains("Passwords need 8 to 128 characters", "value=\"Short Password\"");
        assertThat(staff.usernameTaken("shorty")).isFalse();
    }
}
