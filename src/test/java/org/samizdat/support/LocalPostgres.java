package org.samizdat.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server tests may use: {@code samizdat.test.jdbc-url}, else the local server CI starts.
 * Tests that need it call {@link #require()}, which skips them (or fails them under CI) when it is unreachable.
 */
public final class LocalPostgres {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private LocalPostgres() {
    }

    public static String url() {
        String url = TestDatabase.postgresUrl();
        return url != null ? url : DEFAULT_URL;
    }

    public static void require() {
        boolean reachable;
        try (Connection connection = DriverManager.getConnection(url() + (url().contains("?") ? "&" : "?") + "connectTimeout=2")) {
            reachable = connection.isValid(2);
        } catch (SQLException e) {
            reachable = false;
        }
        Requirements.require(reachable, "PostgreSQL");
    }

    /**
     * For tests that always run on PostgreSQL whatever database the suite uses (they start their own app
     * processes on it): under CI they run in the PostgreSQL pass only, and the embedded-database pass skips them
     * with a notice, so they do not run twice; elsewhere they run whenever a server is reachable.
     */
    public static void requireInPostgresPass() {
        if (Requirements.strict() && TestDatabase.postgresUrl() == null) {
            System.out.println("[samizdat] SKIPPED here: runs in the PostgreSQL pass (samizdat.test.jdbc-url)");
            org.junit.jupiter.api.Assumptions.abort("runs in the PostgreSQL pass");
        }
        require();
    }

    /** Creates a fresh schema and returns its name. */
    public static String createSchema(String prefix) throws SQLException {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** The server's URL with the given schema as the current one. */
    public static String urlFor(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
