package org.samizdat.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL metacharacters in every filter and search parameter, path traversal in media and asset addresses, and
 * oversized requests, each with the exact answer expected. Extend a table to try another value.
 */
@AppTest
class HostileInputTest {

    static final List<String> SQL = List.of("'", "''", "' OR '1'='1", "1' OR 1=1 --", "\"; DROP TABLE staff; --",
            "1; SELECT password_hash FROM staff", "%", "_", "\\", "1 UNION SELECT username, password_hash FROM staff",
            "$$", "\u0000", "[a-z]*", "NULL");

    /** Public parameters and the status every hostile value must get (validation answers, never an error page). */
    static final Map<String, Integer> PUBLIC_PARAMETERS = Map.of(
            "/en/search?q=", 200,
            "/en/search?q=news&section=", 200,
            "/en/search?q=news&language=", 200,
            "/en/search?q=news&from=", 200,
            "/en/search?q=news&to=", 200,
            "/en/search?q=news&page=", 200,
            "/en/sections/world?page=", 404,
            "/en?page=", 200);

    /** Newsroom filters and their answer: shown as text, 400 where a number is expected, 404 for a page or newsletter that does not exist. */
    static final Map<String, Integer> NEWSROOM_PARAMETERS = Map.of("/newsroom/stories?q=", 200,
            "/newsroom/stories?status=", 200, "/newsroom/stories?section=", 200, "/newsroom/stories?lang=", 200,
            "/newsroom/stories?page=", 400, "/newsroom/tags?lang=", 200, "/newsroom/audit?page=", 404,
            "/newsroom/newsletter?newsletter=", 404);

    /** Traversal attempts on media and static files, with the exact refusal. */
    static final Map<String, Integer> TRAVERSAL = Map.ofEntries(
            Map.entry("/media/../../etc/passwd", 400),
            Map.entry("/media/1/../../../etc/passwd", 400),
            Map.entry("/media/%2e%2e/%2e%2e/etc/passwd", 400),
            Map.entry("/media/1/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400),
            Map.entry("/media/1/..%2f..%2fw320.jpg", 400),
            Map.entry("/media/1/w320.jpg%00.png", 400),
            Map.entry("/media/1/%252e%252e%252fw320.jpg", 400),
            Map.entry("/media//etc/passwd", 400),
            Map.entry("/media/1/w320.jpg;/../../../etc/passwd", 400),
            Map.entry("/media/1/%5c..%5c..%5cetc%5cpasswd", 400),
            Map.entry("/media/-1/w320.jpg", 404),
            Map.entry("/media/99999999999999999999/w320.jpg", 404),
            Map.entry("/media/1/w9999.jpg", 404),
            Map.entry("/assets/../application.properties", 400),
            Map.entry("/assets/%2e%2e/application.properties", 400),
            Map.entry("/assets/..%2fapplication.properties", 400),
            Map.entry("/application.properties", 404),
            Map.entry("/staff/common-passwords.txt", 404),
            Map.entry("/db/migration/V1__content.sql", 404));

    static final String PASSWORD = "hostile input all day";

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(port, workflow, catalog);
        throttle.clear();
    }

    @Test
    void sqlMetacharactersInPublicParametersAreJustText() throws Exception {
        pages.story("Metacharacters are text", "A standfirst", "Body", null, null, null, null, List.of(), List.of());
        int staffBefore = jdbc.sql("select count(*) from staff").query(Integer.class).single();
        for (Map.Entry<String, Integer> parameter : PUBLIC_PARAMETERS.entrySet()) {
            for (String value : SQL) {
                HttpResponse<String> answer = pages.get(parameter.getKey() + URLEncoder.encode(value, StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(parameter.getKey() + value).isEqualTo(parameter.getValue());
                assertThat(answer.body()).as(parameter.getKey() + value)
                        .doesNotContain("$argon2", "SQLException", "at org.", "Exception");
            }
        }
        assertThat(jdbc.sql("select count(*) from staff").query(Integer.class).single()).isEqualTo(staffBefore);
    }

    @Test
    void sqlMetacharactersInNewsroomFiltersAreJustText() throws Exception {
        String admin = NewsroomClient.unique("sql-admin");
        staff.create(admin, "Admin", Role.ADMIN, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(admin, PASSWORD);
        for (Map.Entry<String, Integer> parameter : NEWSROOM_PARAMETERS.entrySet()) {
            for (String value : SQL) {
                HttpResponse<String> answer = client.get(parameter.getKey() + URLEncoder.encode(value, StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(parameter.getKey() + value).isEqualTo(parameter.getValue());
                assertThat(answer.body()).as(parameter.getKey() + value).doesNotContain("$argon2", "SQLException", "at org.");
            }
        }
        assertThat(jdbc.sql("select count(*) from staff where username = ?").param(admin).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        for (Map.Entry<String, Integer> attempt : TRAVERSAL.entrySet()) {
            HttpResponse<String> answer = pages.get(attempt.getKey());
            assertThat(answer.statusCode()).as(attempt.getKey()).isEqualTo(attempt.getValue());
            assertThat(answer.body()).as(attempt.getKey()).doesNotContain("root:", "spring.datasource", "create table");
        }
    }

    @Test
    void oversizedRequestsGetACleanRefusal() throws Exception {
        String big = "x".repeat(3 * 1024 * 1024);
        HttpResponse<String> signUp = pages.post("/en/newsletter", "email=" + big + "&form=page",
                "Sec-Fetch-Site", "same-origin");
        assertThat(signUp.statusCode()).isEqualTo(413);
        assertThat(signUp.body()).doesNotContain("Exception", "at org.");
        HttpResponse<String> longQuery = pages.get("/en/search?q=" + "%D0%B6".repeat(40_000));
        assertThat(longQuery.statusCode()).isEqualTo(400);
        assertThat(longQuery.body()).doesNotContain("Exception", "at org.");

        String author = NewsroomClient.unique("big-author");
        staff.create(author, "Author", Role.AUTHOR, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(author, PASSWORD);
        client.get("/newsroom/stories/new");
        HttpResponse<String> hugeStory = client.postMultipart("/newsroom/stories/new", Map.of("headline", "Huge",
                "language", "en", "body", "text"), "photo", new byte[13 * 1024 * 1024]);
        assertThat(hugeStory.statusCode()).isEqualTo(413);
        assertThat(hugeStory.body()).doesNotContain("Exception", "at org.");
        HttpResponse<String> longBody = client.post("/newsroom/stories/new", Map.of("headline", "Long",
                "language", "en", "body", "word ".repeat(500_000), "standfirst", ""));
        assertThat(longBody.statusCode()).isEqualTo(413);
        assertThat(longBody.body()).doesNotContain("Exception", "at org.");
    }
}
