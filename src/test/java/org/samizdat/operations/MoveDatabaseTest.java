package org.samizdat.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.SamizdatApplication;
import org.samizdat.support.LocalPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Moving house: a newsroom seeded with demo content on an embedded H2 file is copied to a fresh database
 * (another H2, and the local PostgreSQL when reachable) and every table's count and checksum must match.
 */
class MoveDatabaseTest {

    @TempDir
    static Path dataDir;

    static String source;

    @BeforeAll
    static void newsroomOnTheEmbeddedDatabase() {
        source = "jdbc:h2:file:" + dataDir.resolve("samizdat")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        SpringApplication app = new SpringApplication(SamizdatApplication.class);
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--spring.profiles.active=test",
                "--samizdat.data-dir=" + dataDir, "--samizdat.demo-content=true", "--spring.datasource.url=" + source,
                "--spring.datasource.username=sa", "--spring.datasource.password=")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void movesEveryRowToAnotherEmbeddedDatabase() throws Exception {
        String target = "jdbc:h2:mem:move" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        assertMoves(target, "sa");
    }

    @Test
    void movesEveryRowToPostgres() throws Exception {
        LocalPostgres.require();
        String schema = LocalPostgres.createSchema("move");
        try {
            assertMoves(LocalPostgres.urlFor(schema), "postgres");
        } finally {
            LocalPostgres.dropSchema(schema);
        }
    }

    private void assertMoves(String target, String user) throws Exception {
        Result moved = move("--from", source, "--to", target, "--to-user", user);
        assertThat(moved.status()).as(moved.output()).isZero();
        assertThat(moved.output()).contains("Every table matches its source.").doesNotContain("DIFF");
        assertThat(moved.output()).containsPattern("ok\\s+story\\s+\\d+ rows").containsPattern("ok\\s+media\\s+\\d+ rows");

        try (Connection from = DriverManager.getConnection(source, "sa", "");
             Connection to = DriverManager.getConnection(target, user, "")) {
            String query = "SELECT COUNT(*), MAX(id) FROM story WHERE status = 'PUBLISHED'";
            assertThat(scalar(to, query)).isEqualTo(scalar(from, query)).isNotEqualTo("0/null");
            try (Statement statement = to.createStatement()) {
                assertThat(statement.executeUpdate("INSERT INTO tag (language, slug, name) VALUES ('en', 'after-the-move', 'After the move')"))
                        .as("identity counters continue past the copied ids").isEqualTo(1);
            }
        }

        Result again = move("--from", source, "--to", target, "--to-user", user);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.output()).contains("already has a Samizdat schema");

        Result tagAdded = move("--from", source, "--to", target, "--to-user", user, "--verify-only");
        assertThat(tagAdded.status()).isEqualTo(1);
        assertThat(tagAdded.output()).containsPattern("DIFF\\s+tag\\s").containsPattern("ok\\s+story\\s")
                .contains("Some tables differ from their source.");
        try (Connection to = DriverManager.getConnection(target, user, ""); Statement statement = to.createStatement()) {
            statement.executeUpdate("DELETE FROM tag WHERE slug = 'after-the-move'");
            statement.executeUpdate("UPDATE story SET headline = headline || '.' WHERE id = (SELECT MIN(id) FROM story)");
        }
        Result edited = move("--from", source, "--to", target, "--to-user", user, "--verify-only");
        assertThat(edited.output()).containsPattern("ok\\s+tag\\s").containsPattern("DIFF\\s+story\\s");
        assertThat(edited.status()).isEqualTo(1);
    }

    @Test
    void explainsItselfWithoutATarget() {
        Result usage = move();
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.output()).contains("Usage: java -jar samizdat.jar move-database --to JDBC_URL");
    }

    private static String scalar(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1) + "/" + rs.getString(2);
        }
    }

    record Result(int status, String output) {
    }

    private static Result move(String... options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = MoveDatabase.COMMAND;
        System.arraycopy(options, 0, args, 1, options.length);
        int status = MoveDatabase.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(status, bytes.toString(StandardCharsets.UTF_8));
    }
}
