package org.samizdat.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppProcess;
import org.samizdat.support.Faults;
import org.samizdat.support.LocalPostgres;

/** PostgreSQL restarted under a running node while readers browse: the node recovers by itself. */
class PostgresRestartTest {

    @TempDir
    static Path dir;

    static String schema;
    static AppProcess node;

    @BeforeAll
    static void node() throws Exception {
        Faults.requireAllowed();
        LocalPostgres.requireInPostgresPass();
        schema = LocalPostgres.createSchema("restart");
        node = AppProcess.start(dir.resolve("node"), LocalPostgres.urlFor(schema), "--spring.flyway.schemas=" + schema,
                "--samizdat.demo-content=true").awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void readersKeepReadingAndTheNodeRecoversAfterARestart() throws Exception {
        List<String> pages = List.of("/en", "/ru", "/en/search?q=border", "/en/privacy", "/en/feed.xml");
        AtomicBoolean browsing = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread readers = new Thread(() -> {
            int i = 0;
            while (browsing.get()) {
                try {
                    int status = node.get(pages.get(i++ % pages.size())).statusCode();
                    (status == 200 ? served : failed).incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            }
        });
        readers.start();
        Thread.sleep(1000);

        Faults.restartPostgres();
        Instant restarted = Instant.now();

        Duration recovered = null;
        while (Duration.between(restarted, Instant.now()).compareTo(Duration.ofSeconds(60)) < 0) {
            if (node.get("/newsroom/actuator/health/readiness").statusCode() == 200
                    && pages.stream().allMatch(this::ok)) {
                recovered = Duration.between(restarted, Instant.now());
                break;
            }
            Thread.sleep(200);
        }
        browsing.set(false);
        readers.join();
        System.out.printf("[samizdat] PostgreSQL restart: %d pages served, %d failed while browsing; recovered %s after the restart%n",
                served.get(), failed.get(), recovered);
        assertThat(recovered).as("every page and readiness answer again by themselves").isNotNull();

        NewsroomClient desk = new NewsroomClient(node.port());
        desk.signIn("admin", node.firstRunAdminPassword());
        desk.get("/newsroom/stories/new");
        String headline = NewsroomClient.unique("After the restart");
        Map<String, Object> story = Map.of("headline", headline, "language", "en", "standfirst", "Still here",
                "body", "Written after the database came back.");
        HttpResponse<String> draft = desk.post("/newsroom/stories/new", story);
        assertThat(draft.statusCode() / 100).as(draft.body()).isEqualTo(3);
    }

    private boolean ok(String path) {
        try {
            return node.get(path).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
