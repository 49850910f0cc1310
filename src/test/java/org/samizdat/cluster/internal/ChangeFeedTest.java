package org.samizdat.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.content.StoryPublished;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PagesChanged;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The change feed over a real database: local changes are written once, other nodes' changes reach this node's cache. */
@AppTest
class ChangeFeedTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChangeFeed feed;

    @Autowired
    ApplicationEventPublisher events;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLocalChangeIsWrittenOnceUnderThisNode() {
        int before = rows(feed.node());
        events.publishEvent(new PagesChanged(List.of("/en/feed-test")));

        List<String> payloads = jdbc.sql("SELECT payload FROM change_feed WHERE node = :node ORDER BY id")
                .param("node", feed.node()).query(String.class).list();
        assertThat(payloads).hasSize(before + 1);
        assertThat(payloads.get(payloads.size() - 1)).isEqualTo("{\"paths\":[\"/en/feed-test\"]}");
    }

    @Test
    void anotherNodesPagesChangedEvictsTheCachedPageAndIsNotWrittenBack() throws Exception {
        String path = "/en/privacy";
        cache(path);
        int mine = rows(feed.node());

        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES ('other-node', 'pages-changed', :payload)")
                .param("payload", feed.json().writeValueAsString(new PagesChanged(List.of(path))))
                .update();

        assertThat(becomesMiss(path)).as("the page is rendered afresh after the other node's change").isTrue();
        assertThat(rows(feed.node())).isEqualTo(mine);
    }

    @Test
    void anotherNodesStoryPublishedEvictsTheFrontPage() throws Exception {
        String path = "/en";
        cache(path);
        StoryPublished published = new StoryPublished(1, Language.EN, List.of("elsewhere"), null, List.of(), List.of(), List.of());

        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES ('other-node', 'story-published', :payload)")
                .param("payload", feed.json().writeValueAsString(published))
                .update();

        assertThat(becomesMiss(path)).isTrue();
    }

    @Test
    void unknownTypesAndBrokenPayloadsAreSkipped() throws Exception {
        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES ('other-node', 'from-the-future', '{}')").update();
        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES ('other-node', 'pages-changed', 'not json')").update();
        String path = "/ru/privacy";
        cache(path);
        jdbc.sql("INSERT INTO change_feed (node, event_type, payload) VALUES ('other-node', 'pages-changed', :payload)")
                .param("payload", feed.json().writeValueAsString(new PagesChanged(List.of(path))))
                .update();

        assertThat(becomesMiss(path)).as("later rows are still replayed").isTrue();
    }

    private int rows(String node) {
        return jdbc.sql("SELECT COUNT(*) FROM change_feed WHERE node = :node").param("node", node).query(Integer.class).single();
    }

    private void cache(String path) throws Exception {
        get(path);
        assertThat(get(path).headers().firstValue("X-Cache")).hasValue("hit");
    }

    private boolean becomesMiss(String path) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (get(path).headers().firstValue("X-Cache").orElse("").equals("miss")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private HttpResponse<Void> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
