package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.samizdat.SamizdatApplication;
import org.samizdat.support.TestDatabase;

/**
 * Exactly-once across a crash: the application runs as a real separate process, is killed with SIGKILL while an
 * edition of several hundred recipients is being sent, and is started again; the SMTP server must have received
 * exactly one message per recipient. The kill lands while every sending thread has handed a message to the relay
 * and waits for its answer (a relay in between holds the answers back): the messages were accepted but the sender
 * never learnt it, the hardest point that can be reached deterministically.
 */
class CrashResumeTest {

    static final int RECIPIENTS = 300;
    static final int BEFORE_KILL = 100;
    static final int THREADS = 3;

    final List<Process> processes = new ArrayList<>();
    GreenMail relay;
    Path dir;

    @AfterEach
    void stop() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (relay != null) {
            relay.stop();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void killedMidSendAndRestartedEveryRecipientGetsExactlyOneMessage() throws Exception {
        dir = Files.createTempDirectory("samizdat-crash-");
        Database db = database(dir);
        Flyway.configure().dataSource(db.url, db.user, db.password).locations("classpath:db/migration")
                .schemas(db.schema == null ? new String[0] : new String[] {db.schema}).createSchemas(true).load().migrate();
        long edition = seed(db);

        relay = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        Process first;
        try (HoldingRelay holding = new HoldingRelay(relay.getSmtp().getPort(), BEFORE_KILL)) {
            first = launch(db, dir, "first", holding.port());
            waitUntil(() -> holding.held() >= THREADS, 240, first, dir.resolve("first.log"));
            Thread.sleep(300);
            assertThat(holding.held()).as("every sending thread waits for the relay's answer").isEqualTo(THREADS);
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(first.isAlive()).isFalse();
        }
        waitUntil(() -> relay.getReceivedMessages().length >= BEFORE_KILL + THREADS, 30, null, null);
        Thread.sleep(500);
        int atKill = relay.getReceivedMessages().length;
        assertThat(atKill).as("killed mid-send; the held messages reached the relay").isEqualTo(BEFORE_KILL + THREADS)
                .isLessThan(RECIPIENTS);

        Process second = launch(db, dir, "second", relay.getSmtp().getPort());
        waitUntil(() -> relay.getReceivedMessages().length >= RECIPIENTS, 240, second, dir.resolve("second.log"));
        Thread.sleep(3000);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        assertThat(perRecipient).hasSize(RECIPIENTS);
        assertThat(perRecipient.values()).allMatch(n -> n == 1);
        Map<String, Integer> rows = statuses(db, edition);
        assertThat(rows).as("in flight at the kill: accepted, never confirmed, never resent")
                .isEqualTo(Map.of("SENT", RECIPIENTS - THREADS, "UNCONFIRMED", THREADS));
        assertThat(query(db, "select status from edition where id = " + edition)).isEqualTo("SENT");
    }

    record Database(String url, String user, String password, String schema) {
    }

    static Database database(Path dir) {
        String pg = TestDatabase.postgresUrl();
        if (pg == null) {
            return new Database("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "", null);
        }
        String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new Database(pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                System.getProperty("samizdat.test.jdbc-user", "postgres"),
                System.getProperty("samizdat.test.jdbc-password", ""), schema);
    }

    /** Subscribers written as before sealing (the app seals them on start), and an edition already frozen. */
    static long seed(Database db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password); Statement s = c.createStatement()) {
            for (int i = 0; i < RECIPIENTS; i++) {
                s.addBatch("insert into subscriber (email, created_at) values ('reader" + i + "@crash.example', current_timestamp)");
            }
            s.executeBatch();
            s.executeUpdate("""
                    insert into subscription (subscriber_id, newsletter_id, status, created_at)
                    select r.id, n.id, 'ACTIVE', current_timestamp from subscriber r, newsletter n where n.code = 'weekly-en'
                    """);
            s.executeUpdate("""
                    insert into edition (newsletter_id, subject, preheader, intro, status, created_at, sent_at)
                    select id, 'Crash edition', '', 'Hello', 'SENDING', current_timestamp, current_timestamp
                    from newsletter where code = 'weekly-en'""");
            long edition;
            try (ResultSet rs = s.executeQuery("select max(id) from edition")) {
                rs.next();
                edition = rs.getLong(1);
            }
            s.executeUpdate("insert into delivery (edition_id, subscription_id, status) select " + edition
                    + ", id, 'QUEUED' from subscription");
            return edition;
        }
    }

    Process launch(Database db, Path dir, String name, int smtpPort) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath, SamizdatApplication.class.getName(),
                "--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--logging.level.org.samizdat.newsletter=info",
                "--spring.datasource.url=" + db.url, "--spring.datasource.username=" + db.user,
                "--spring.datasource.password=" + db.password, "--samizdat.data-dir=" + dir,
                "--samizdat.demo-content=false", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort, "--samizdat.mail.from=newsletter@crash.test",
                "--samizdat.newsletter.sending.concurrency=" + THREADS, "--samizdat.newsletter.sending.lease=10s",
                "--samizdat.newsletter.sending.interval=200ms", "--samizdat.newsletter.sending.batch=10"));
        if (db.schema != null) {
            command.add("--spring.flyway.schemas=" + db.schema);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, int seconds, Process process, Path log)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || (process != null && !process.isAlive())) {
                String tail = log == null || !log.toFile().exists() ? "" : tail(log.toFile());
                throw new AssertionError("Timed out or the application stopped; its log ends:\n" + tail);
            }
            Thread.sleep(50);
        }
    }

    static String tail(File file) throws Exception {
        String text = Files.readString(file.toPath());
        return text.substring(Math.max(0, text.length() - 4000));
    }

    static Map<String, Integer> statuses(Database db, long edition) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select status, count(*) from delivery where edition_id = " + edition
                        + " group by status")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    static String query(Database db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url, db.user, db.password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
