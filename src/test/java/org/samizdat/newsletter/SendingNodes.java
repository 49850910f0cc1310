package org.samizdat.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.samizdat.support.AppProcess;
import org.samizdat.support.LocalPostgres;
import org.samizdat.support.RotatedKeys;

/**
 * One PostgreSQL schema that app processes share, as the newsletter's process tests use it: migrated, seeded with
 * subscribers (plain addresses, sealed by the first node to start) and editions, and counted afterwards.
 */
final class SendingNodes implements AutoCloseable {

    final String schema;
    final String url;
    private final List<AppProcess> nodes = new ArrayList<>();

    SendingNodes(String prefix) throws Exception {
        schema = LocalPostgres.createSchema(prefix);
        url = LocalPostgres.urlFor(schema);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").schemas(schema)
                .load().migrate();
    }

    /** Starts a node sending through the given SMTP port, with the same personal-data keys as every other node. */
    AppProcess start(Path dir, int smtpPort, String... extra) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--spring.flyway.schemas=" + schema,
                "--samizdat.privacy.keys=" + RotatedKeys.AFTER, "--samizdat.demo-content=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--samizdat.mail.from=newsletter@nodes.test", "--samizdat.newsletter.sending.interval=200ms",
                "--spring.datasource.hikari.maximum-pool-size=8", "--logging.level.org.samizdat.newsletter=info"));
        arguments.addAll(List.of(extra));
        AppProcess node = AppProcess.start(dir, url, arguments.toArray(String[]::new)).awaitReady(Duration.ofMinutes(4));
        nodes.add(node);
        return node;
    }

    /** Active subscribers of a newsletter, {@code <prefix><n>@nodes.example}. */
    void subscribers(String newsletter, String prefix, int count) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < count; i++) {
                s.addBatch("insert into subscriber (email, created_at) values ('" + prefix + i
                        + "@nodes.example', current_timestamp)");
            }
            s.executeBatch();
            s.executeUpdate("insert into subscription (subscriber_id, newsletter_id, status, created_at) select r.id, n.id, "
                    + "'ACTIVE', current_timestamp from subscriber r, newsletter n where n.code = '" + newsletter
                    + "' and r.email like '" + prefix + "%'");
        }
    }

    /** A draft edition of the newsletter with no stories; returns its id. */
    long draft(String newsletter, String subject) throws Exception {
        update("insert into edition (newsletter_id, subject, preheader, intro, status, created_at) select id, '" + subject
                + "', '', 'Hello', 'DRAFT', current_timestamp from newsletter where code = '" + newsletter + "'");
        return Long.parseLong(query("select max(id) from edition"));
    }

    /** A draft frozen as the desk does it: SENDING, one queued delivery per active subscriber. */
    long sending(String newsletter, String subject) throws Exception {
        long id = draft(newsletter, subject);
        update("update edition set status = 'SENDING', sent_at = current_timestamp where id = " + id);
        update("insert into delivery (edition_id, subscription_id, status) select " + id + ", s.id, 'QUEUED' from "
                + "subscription s join newsletter n on n.id = s.newsletter_id where n.code = '" + newsletter
                + "' and s.status = 'ACTIVE'");
        return id;
    }

    Map<String, Integer> statuses(long edition) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select status, count(*) from delivery where edition_id = " + edition
                        + " group by status")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    int update(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    String query(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    int count(String sql) throws Exception {
        return Integer.parseInt(query(sql));
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection(url);
    }

    /** Messages the SMTP server received per recipient whose address starts with {@code prefix}. */
    static Map<String, Integer> perRecipient(GreenMail mail, String prefix) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (to.startsWith(prefix)) {
                out.merge(to, 1, Integer::sum);
            }
        }
        return out;
    }

    static void waitUntil(String what, Duration patience, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    static BooleanSupplier quietly(Check check) {
        return () -> {
            try {
                return check.holds();
            } catch (Exception e) {
                return false;
            }
        };
    }

    /** A condition that may throw while it is not yet true. */
    interface Check {
        boolean holds() throws Exception;
    }

    List<AppProcess> nodes() {
        return nodes;
    }

    @Override
    public void close() throws Exception {
        for (AppProcess node : nodes) {
            node.close();
        }
        LocalPostgres.dropSchema(schema);
    }

    static void sleep(Duration duration) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }
}
