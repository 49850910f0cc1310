package org.samizdat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppProcess;
import org.samizdat.support.LocalPostgres;

/** Two real app processes on one PostgreSQL database, as a newsroom that outgrew one machine runs them. */
class TwoNodesTest {

    @TempDir
    static Path dir;

    static String schema;
    static AppProcess nodeA;
    static AppProcess nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        LocalPostgres.requireInPostgresPass();
        schema = LocalPostgres.createSchema("nodes");
        String url = LocalPostgres.urlFor(schema);
        nodeA = AppProcess.start(dir.resolve("a"), url, "--spring.flyway.schemas=" + schema, "--samizdat.demo-content=true")
                .awaitReady(Duration.ofMinutes(3));
        nodeB = AppProcess.start(dir.resolve("b"), url, "--spring.flyway.schemas=" + schema)
                .awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppProcess node : new AppProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void aStoryPublishedOnOneNodeReachesTheOtherNodesCachedFrontPage() throws Exception {
        nodeB.get("/en");
        assertThat(nodeB.get("/en").headers().firstValue("X-Cache")).hasValue("hit");

        NewsroomClient desk = new NewsroomClient(nodeA.port());
        desk.signIn("admin", nodeA.firstRunAdminPassword());
        String headline = NewsroomClient.unique("Published on node A");
        Map<String, Object> story = Map.of("headline", headline, "language", "en", "standfirst", "Across nodes",
                "body", "Written on one node, read on the other.");
        desk.get("/newsroom/stories/new");
        HttpResponse<String> draft = desk.post("/newsroom/stories/new", story);
        String location = draft.headers().firstValue("Location").orElseThrow(() -> new AssertionError(draft.body()));
        long id = Long.parseLong(location.replaceAll(".*/stories/(\\d+).*", "$1"));
        assertThat(desk.post("/newsroom/stories/" + id + "/publish", story).statusCode() / 100).isEqualTo(3);
        Instant published = Instant.now();

        Duration seen = null;
        while (Duration.between(published, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0) {
            if (nodeB.get("/en").body().contains(headline)) {
                seen = Duration.between(published, Instant.now());
                break;
            }
            Thread.sleep(50);
        }
        System.out.println("[samizdat] node B showed the story published on node A after " + seen);
        assertThat(seen).as("node B's front page shows the story").isNotNull();
        assertThat(seen).as("the requirement: gone from node B's cache within 2 s").isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aStaffSessionStartedOnOneNodeWorksOnTheOtherAndEndsOnBoth() throws Exception {
        NewsroomClient onA = new NewsroomClient(nodeA.port());
        onA.signIn("admin", nodeA.firstRunAdminPassword());
        assertThat(onA.get("/newsroom/stories").statusCode()).isEqualTo(200);

        NewsroomClient onB = NewsroomClient.withSession(nodeB.port(), onA.sessionId());
        HttpResponse<String> stories = onB.get("/newsroom/stories");
        assertThat(stories.statusCode()).as("node B knows the session node A started").isEqualTo(200);

        assertThat(onB.post("/newsroom/signout", Map.of()).statusCode() / 100).isEqualTo(3);
        HttpResponse<String> afterSignOut = onA.get("/newsroom/stories");
        assertThat(afterSignOut.statusCode()).as("signed out on B means signed out on A").isEqualTo(302);
        assertThat(afterSignOut.headers().firstValue("Location").orElse("")).contains("/newsroom/signin");
    }
}
