package org.samizdat.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.discovery.internal.IndexBuilder;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Stories written straight into the database make the index stale; the newsroom button rebuilds it. */
@AppTest
class SearchIndexAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IndexBuilder builder;

    @Test
    void editorsRebuildAStaleIndexAndAuthorsMayNot() throws Exception {
        Desk desk = new Desk(workflow, catalog, port);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into story (language, slug, headline, standfirst, body_markdown, body_html, status, published_at,"
                + " updated_at, created_at) values ('en', 'bulk-plumbago', 'Bulk plumbago story', '', '', '<p>plumbago</p>',"
                + " 'PUBLISHED', ?, ?, ?)").params(now, now, now).update();
        assertThat(builder.stale()).isTrue();
        assertThat(SearchTest.headlines(desk.search("en", "plumbago"))).isEmpty();

        String author = NewsroomClient.unique("author");
        staff.create(author, "Some Author", Role.AUTHOR, "author password");
        NewsroomClient authorClient = new NewsroomClient(port);
        authorClient.signIn(author, "author password");
        assertThat(authorClient.get("/newsroom/search").statusCode()).isEqualTo(403);

        String editor = NewsroomClient.unique("editor");
        staff.create(editor, "Desk Editor", Role.EDITOR, "editor password");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(editor, "editor password");
        assertThat(client.get("/newsroom/search").body()).contains("does not match");
        var started = client.post("/newsroom/search/rebuild", Map.of());
        assertThat(started.statusCode()).isEqualTo(302);
        List<String> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = SearchTest.headlines(desk.search("en", "plumbago"));
        }
        assertThat(found).containsExactly("Bulk plumbago story");
        assertThat(client.get("/newsroom/search?started").body()).contains("The rebuild has started", "Stories in the index");
    }
}
