package org.samizdat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own and a fresh data directory:
 * an in-memory H2 database by default, or a new schema on the PostgreSQL server named by the
 * {@code samizdat.test.jdbc-url} system property (CI sets it to the local server).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static String postgresUrl() {
        String url = System.getProperty("samizdat.test.jdbc-url", "");
        return url.isBlank() ? null : url;
    }

    public static boolean onPostgres() {
        return postgresUrl() != null;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("samizdat-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dataDir.toFile().deleteOnExit();
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("samizdat.data-dir", dataDir.toString());
        String pg = postgresUrl();
        if (pg != null) {
            String schema = "t_" + id;
            props.put("spring.datasource.url", pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            props.put("spring.flyway.schemas", schema);
            props.put("spring.flyway.create-schemas", "true");
            props.put("spring.datasource.username", System.getProperty("samizdat.test.jdbc-user", "postgres"));
            props.put("spring.datasource.password", System.getProperty("samizdat.test.jdbc-password", ""));
            context.addApplicationListener((org.springframework.context.event.ContextClosedEvent closed) -> dropQuietly(schema));
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:" + id
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", props));
    }

    /** Test schemas go when their context closes, so the shared test database does not fill up. */
    private static void dropQuietly(String schema) {
        try {
            LocalPostgres.dropSchema(schema);
        } catch (java.sql.SQLException e) {
            System.out.println("[samizdat] could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
