package org.samizdat.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppProcess;
import org.samizdat.support.Faults;
import org.samizdat.support.LocalPostgres;

/**
 * PostgreSQL restarted under a running node while readers browse, Stripe webhooks arrive (re-sent on any non-2xx,
 * as Stripe does) and an edition is being sent to an SMTP relay: the node recovers by itself, and afterwards every
 * payment is in the ledger exactly once and every recipient got exactly one message.
 */
class PostgresRestartTest {

    static final int RECIPIENTS = 200;
    static final String DOMAIN = "@restart.example";

    @TempDir
    static Path dir;

    static String schema;
    static AppProcess node;
    static GreenMail relay;

    @BeforeAll
    static void node() throws Exception {
        Faults.requireAllowed();
        LocalPostgres.requireInPostgresPass();
        schema = LocalPostgres.createSchema("restart");
        String url = LocalPostgres.urlFor(schema);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").schemas(schema).load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int i = 0; i < RECIPIENTS; i++) {
                s.addBatch("insert into subscriber (email, created_at) values ('reader" + i + DOMAIN
                        + "', current_timestamp)");
            }
            s.executeBatch();
            s.executeUpdate("""
                    insert into subscription (subscriber_id, newsletter_id, status, created_at)
                    select r.id, n.id, 'ACTIVE', current_timestamp from subscriber r, newsletter n
                    where n.code = 'weekly-en'""");
        }
        relay = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.start();
        List<String> args = new ArrayList<>(StripeDeliveries.NODE_ARGUMENTS);
        args.addAll(List.of("--spring.flyway.schemas=" + schema, "--samizdat.demo-content=true",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + relay.getSmtp().getPort(),
                "--samizdat.mail.from=newsletter@restart.test", "--samizdat.newsletter.sending.concurrency=2",
                "--samizdat.newsletter.sending.rate=15", "--samizdat.newsletter.sending.interval=200ms",
                "--samizdat.newsletter.sending.lease=10s", "--samizdat.newsletter.sending.backoff=1s",
                "--samizdat.newsletter.sending.max-attempts=100"));
        node = AppProcess.start(dir.resolve("node"), url, args.toArray(String[]::new)).awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (relay != null) {
            relay.stop();
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void readersWebhooksAndASendAllSurviveARestart() throws Exception {
        String url = LocalPostgres.urlFor(schema);
        StripeDeliveries stripe = new StripeDeliveries(url).seed(60, 20, 11);
        long edition = startEdition(url);

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
        Thread webhooks = new Thread(() -> {
            try {
                stripe.sendPaced(stripe.events(), Duration.ofMillis(40), node::port);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        readers.start();
        webhooks.start();
        Thread.sleep(1000);
        int mailedBefore = mailed().size();

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
        webhooks.join();
        int refusedHooks = stripe.unanswered().size();
        assertThat(recovered).as("every page and readiness answer again by themselves").isNotNull();

        int rounds = stripe.redeliverUntilAnswered(node::port, Duration.ofMinutes(2));
        Map<String, Integer> statuses = awaitSent(url, edition, Duration.ofMinutes(3), node);
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : mailed()) {
            perRecipient.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
        }
        StripeDeliveries.Ledger ledger = stripe.ledger();
        System.out.printf("[samizdat] PostgreSQL restart: %d pages served, %d failed while browsing; recovered %s"
                + " after the restart; %d of %d webhooks got no 2xx during it, all answered after %d redelivery"
                + " rounds; ledger total %d = expected %d; edition: %d of %d mailed before the restart, rows %s%n",
                served.get(), failed.get(), recovered, refusedHooks, stripe.events().size(), rounds,
                ledger.paidTotal(), stripe.expectedTotal(), mailedBefore, RECIPIENTS, statuses);

        stripe.assertExactlyOnce(ledger);
        assertThat(mailedBefore).as("the send was under way at the restart").isLessThan(RECIPIENTS);
        assertThat(perRecipient).as("no recipient lost").hasSize(RECIPIENTS);
        assertThat(perRecipient.values()).as("no recipient mailed twice").allMatch(n -> n == 1);

        NewsroomClient desk = new NewsroomClient(node.port());
        desk.signIn("admin", node.firstRunAdminPassword());
        desk.get("/newsroom/stories/new");
        String headline = NewsroomClient.unique("After the restart");
        Map<String, Object> story = Map.of("headline", headline, "language", "en", "standfirst", "Still here",
                "body", "Written after the database came back.");
        HttpResponse<String> draft = desk.post("/newsroom/stories/new", story);
        assertThat(draft.statusCode() / 100).as(draft.body()).isEqualTo(3);
    }

    /** An edition frozen for sending, its deliveries queued, as the edition desk leaves it. */
    static long startEdition(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into edition (newsletter_id, subject, preheader, intro, status, created_at, sent_at)
                    select id, 'Restart edition', '', 'Hello', 'SENDING', current_timestamp, current_timestamp
                    from newsletter where code = 'weekly-en'""");
            long edition;
            try (ResultSet rs = s.executeQuery("select max(id) from edition")) {
                rs.next();
                edition = rs.getLong(1);
            }
            s.executeUpdate("insert into delivery (edition_id, subscription_id, status) select " + edition
                    + ", id, 'QUEUED' from subscription where status = 'ACTIVE'");
            return edition;
        }
    }

    /**
     * Waits until no delivery of the edition is queued or in flight; returns rows per status. On timeout the
     * failure shows the end of the node's log, which goes with its temporary folder.
     */
    static Map<String, Integer> awaitSent(String url, long edition, Duration patience, AppProcess node) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            Map<String, Integer> statuses = new HashMap<>();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select status, count(*) from delivery where edition_id = " + edition
                            + " group by status")) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getInt(2));
                }
            }
            if (!statuses.containsKey("QUEUED") && !statuses.containsKey("SENDING")) {
                return statuses;
            }
            if (Instant.now().isAfter(deadline)) {
                String log = node.output();
                throw new AssertionError("the edition did not finish; rows " + statuses + "; the node's log ends with:\n"
                        + log.substring(Math.max(0, log.length() - 6000)));
            }
            Thread.sleep(500);
        }
    }

    static List<MimeMessage> mailed() throws Exception {
        List<MimeMessage> ours = new ArrayList<>();
        for (MimeMessage message : relay.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().endsWith(DOMAIN)) {
                ours.add(message);
            }
        }
        return ours;
    }

    private boolean ok(String path) {
        try {
            return node.get(path).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
