package org.samizdat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samizdat.content.Stories;
import org.samizdat.content.StoryStatus;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryFilter;
import org.samizdat.content.internal.StoryRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Proves the PostgreSQL path on every build that can reach a server: the migrations run into a fresh
 * schema and a story is saved, published, listed and read through the real repositories and over HTTP.
 * Uses {@code samizdat.test.jdbc-url}, else the local server CI starts; skips (fails under CI) without one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTest.FreshSchema.class)
@ActiveProfiles("test")
class PostgresTest {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Autowired
    StoryRepository repository;

    @Autowired
    Stories stories;

    static String url() {
        String url = TestDatabase.postgresUrl();
        return url != null ? url : DEFAULT_URL;
    }

    @BeforeAll
    static void serverIsReachable() {
        String url = url() + (url().contains("?") ? "&" : "?") + "connectTimeout=2&socketTimeout=5";
        boolean reachable;
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            System.out.println("[samizdat] PostgreSQL at " + url() + ": " + e.getMessage());
            reachable = false;
        }
        Requirements.require(reachable, "PostgreSQL");
    }

    @Test
    void migratesAndPublishesAndReadsAStory() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getSchema()).startsWith("pgtest_");
        }
        long section = catalog.saveSection(null, "postgres", "Postgres", "Постгрес", 1);
        long author = catalog.saveAuthor(null, "pg-writer", "PG Writer", "Writes on PostgreSQL", null);
        long id = workflow.save(new StoryDraft(null, Language.RU, null, "Учения на границе", "Подзаголовок",
                "Текст **жирный**", null, null, null, section, List.of("Армия", "Граница"), List.of(author), null,
                null, null, null, null, null, null, null, true), EDITOR);
        workflow.publish(id, EDITOR);
        workflow.save(new StoryDraft(id, Language.RU, "ucheniya-u-granitsy", "Учения у границы", "Подзаголовок",
                "Текст **жирный**", null, null, null, section, List.of("Армия"), List.of(author), null,
                null, null, null, null, null, null, null, true), EDITOR);

        assertThat(stories.story(Language.RU, "ucheniya-u-granitsy")).hasValueSatisfying(s -> {
            assertThat(s.headline()).isEqualTo("Учения у границы");
            assertThat(s.authors()).extracting(a -> a.slug()).containsExactly("pg-writer");
        });
        assertThat(stories.movedTo(Language.RU, "ucheniya-na-granitse")).hasValue("/ru/stories/ucheniya-u-granitsy");
        assertThat(repository.list(new StoryFilter(Language.RU, StoryStatus.PUBLISHED, section, null, "у_гр"), 10, 0))
                .isEmpty();
        assertThat(repository.list(new StoryFilter(Language.RU, StoryStatus.PUBLISHED, section, null, "у гр"), 10, 0))
                .extracting(s -> s.id()).containsExactly(id);
        assertThat(repository.revisions(id)).hasSize(2);

        for (String path : List.of("/ru/stories/ucheniya-u-granitsy", "/ru", "/ru/sections/postgres",
                "/ru/tags/armiya", "/ru/authors/pg-writer", "/ru/sections/postgres?page=1")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("Учения у границы");
        }
        assertThat(get("/ru/stories/ucheniya-na-granitse").statusCode()).isEqualTo(301);

        workflow.withdraw(id, EDITOR);
        assertThat(get("/ru/stories/ucheniya-u-granitsy").statusCode()).isEqualTo(404);
        assertThat(stories.inSection(Language.RU, catalog.section(section).orElseThrow(), 1).stories()).isEmpty();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String user() {
        return System.getProperty("samizdat.test.jdbc-user", "postgres");
    }

    static String password() {
        return System.getProperty("samizdat.test.jdbc-password", "");
    }

    /** A new schema on the server for this context, created and migrated by Flyway. */
    static class FreshSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            new TestDatabase().initialize(context);
            String schema = "pgtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Map<String, Object> props = new HashMap<>();
            props.put("spring.datasource.url", url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.datasource.username", user());
            props.put("spring.datasource.password", password());
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.create-schemas", "true");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgresTest", props));
        }
    }
}
