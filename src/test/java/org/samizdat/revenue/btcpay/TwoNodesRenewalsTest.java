package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppProcess;
import org.samizdat.support.LocalPostgres;
import org.samizdat.support.RotatedKeys;

/**
 * Two real app processes on one PostgreSQL schema both run the recurring crypto job every few hundred milliseconds:
 * each due plan's supporter gets exactly one payment link for the period, and BTCPay is asked for one invoice per
 * plan, whichever node claims it. The job's once-per-quarter-hour pass claim is cleared again and again so that
 * both nodes make pass after pass, at times at once, and the per-plan claim alone keeps the links single.
 */
class TwoNodesRenewalsTest {

    static final String JOB = "crypto-renewals";

    @TempDir
    static Path dir;

    static String schema;
    static String url;
    static GreenMail mail;
    static AppProcess nodeA;
    static AppProcess nodeB;
    static final PersonalData SEALS = PersonalData.withKeys(RotatedKeys.AFTER);
    // The BTCPay stand-in is shared by every test in this JVM: these stubs are this test's, and go with it.
    static StubMapping listStub;
    static StubMapping createStub;

    @BeforeAll
    static void twoNodes() throws Exception {
        LocalPostgres.requireInPostgresPass();
        schema = LocalPostgres.createSchema("renewals");
        url = LocalPostgres.urlFor(schema);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").schemas(schema).load().migrate();
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        // Each invoice's id is the order id it was created for, so every renewal has its own link.
        String invoices = "/api/v1/stores/" + ProviderStubs.BTCPAY_STORE + "/invoices";
        listStub = ProviderStubs.server().stubFor(get(urlPathEqualTo(invoices)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        String order = "{{jsonPath request.body '$.metadata.orderId'}}";
        createStub = ProviderStubs.server().stubFor(post(urlEqualTo(invoices)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody(BtcpayHooks.invoiceJson(order, order, "{{jsonPath request.body '$.amount'}}", "USD", "New", "None"))));

        plan("due", 0, "MONTHLY", 40, "ACTIVE");
        plan("due", 1, "MONTHLY", 75, "ACTIVE");
        plan("due", 2, "MONTHLY", 33, "ACTIVE");
        plan("due", 3, "ANNUAL", 370, "ACTIVE");
        plan("not-yet", 0, "MONTHLY", 10, "ACTIVE");
        plan("not-yet", 1, "ANNUAL", 200, "ACTIVE");
        plan("cancelled", 0, "MONTHLY", 40, "CANCELLED");

        nodeA = start("a");
        nodeB = start("b");
        nodeA.awaitReady(Duration.ofMinutes(4));
        nodeB.awaitReady(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppProcess node : new AppProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        for (StubMapping stub : new StubMapping[] {listStub, createStub}) {
            if (stub != null) {
                ProviderStubs.server().removeStub(stub);
            }
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    @Test
    void everyDuePlanGetsExactlyOneLinkWhileBothNodesRunTheJobAgainAndAgain() throws Exception {
        waitUntil("the first due plans have their links", Duration.ofSeconds(90), () -> perRecipient("due").size() >= 4);

        // From here every quarter-hour pass claim is removed as soon as it is made: both nodes pass every 300 ms.
        Set<String> passers = new HashSet<>();
        int passes = 0;
        Instant churnUntil = Instant.now().plusSeconds(20);
        boolean seeded = false;
        while (Instant.now().isBefore(churnUntil)) {
            List<String> claimed = clearPassClaims();
            passes += claimed.size();
            passers.addAll(claimed);
            if (!seeded && Instant.now().isAfter(churnUntil.minusSeconds(15))) {
                for (int i = 0; i < 6; i++) {
                    plan("raced", i, i % 2 == 0 ? "MONTHLY" : "ANNUAL", i % 2 == 0 ? 45 : 380, "ACTIVE");
                }
                seeded = true;
            }
            Thread.sleep(150);
        }
        waitUntil("the plans that fell due while both nodes ran have their links", Duration.ofSeconds(30),
                () -> perRecipient("raced").size() >= 6);
        Thread.sleep(3000);
        passes += clearPassClaims().size();

        Map<String, Integer> due = perRecipient("due");
        Map<String, Integer> raced = perRecipient("raced");
        System.out.printf("[samizdat] %d crypto job passes by %d nodes; %d links for 10 due plans%n", passes,
                passers.size(), mail.getReceivedMessages().length);
        assertThat(passers).as("both nodes ran the job").hasSize(2);
        assertThat(passes).as("several rounds").isGreaterThanOrEqualTo(20);
        assertThat(due).hasSize(4);
        assertThat(raced).hasSize(6);
        assertThat(due.values()).as("no supporter got two links").allMatch(n -> n == 1);
        assertThat(raced.values()).as("no supporter got two links").allMatch(n -> n == 1);
        assertThat(perRecipient("not-yet")).isEmpty();
        assertThat(perRecipient("cancelled")).isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(10);

        long invoiceRequests = ProviderStubs.server().getAllServeEvents().stream()
                .filter(e -> e.getStubMapping() != null && createStub.getId().equals(e.getStubMapping().getId()))
                .filter(e -> e.getRequest().getBodyAsString().contains("\"renewal-")).count();
        assertThat(invoiceRequests).as("one BTCPay invoice per due plan").isEqualTo(10);
        assertThat(count("select count(*) from revenue_crypto_renewal where mailed_at is not null")).isEqualTo(10);
        assertThat(count("select count(*) from revenue_crypto_renewal")).isEqualTo(10);

        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            String plan = query("select p.id from revenue_plan p join revenue_supporter s on s.id = p.supporter_id "
                    + "where s.email_lookup = '" + SEALS.emailLookup(to) + "'");
            String text = (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
            assertThat(text).as(to).contains(ProviderStubs.baseUrl() + "/i/renewal-" + plan + "-");
        }
    }

    private static AppProcess start(String name) throws Exception {
        return AppProcess.start(dir.resolve(name), url, "--spring.flyway.schemas=" + schema,
                "--samizdat.privacy.keys=" + RotatedKeys.AFTER, "--samizdat.demo-content=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--samizdat.mail.from=support@nodes.test", "--spring.datasource.hikari.maximum-pool-size=8",
                "--samizdat.btcpay.url=" + ProviderStubs.baseUrl(), "--samizdat.btcpay.store-id=" + ProviderStubs.BTCPAY_STORE,
                "--samizdat.btcpay.api-key=" + ProviderStubs.BTCPAY_KEY,
                "--samizdat.btcpay.webhook-secret=" + ProviderStubs.BTCPAY_WEBHOOK_SECRET,
                "--samizdat.btcpay.renewal-initial-delay=2s", "--samizdat.btcpay.renewal-interval=300ms",
                "--logging.level.org.samizdat.revenue=info");
    }

    /** A crypto plan of {@code frequency} begun {@code daysAgo}, its first donation and its supporter. */
    private static void plan(String prefix, int n, String frequency, int daysAgo, String status) throws Exception {
        String email = "crypto-" + prefix + n + "@nodes.example";
        UUID supporter = UUID.randomUUID();
        UUID donation = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Timestamp began = Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS));
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            execute(c, "insert into revenue_supporter (id, email_sealed, email_lookup, language, created_at) "
                    + "values (?, ?, ?, 'en', ?)", supporter, SEALS.seal(email), SEALS.emailLookup(email), began);
            execute(c, "insert into revenue_donation (id, created_at, kind, frequency, amount_minor, currency, method, "
                    + "language, supporter_id, invoice_ref) values (?, ?, 'CHECKOUT', ?, 1000, 'USD', 'btcpay', 'en', ?, ?)",
                    donation, began, frequency, supporter, "Inv" + donation);
            execute(c, "insert into revenue_plan (id, created_at, origin_donation_id, supporter_id, frequency, currency, "
                    + "method, language) values (?, ?, ?, ?, ?, 'USD', 'btcpay', 'en')", plan, began, donation, supporter,
                    frequency);
            execute(c, "insert into revenue_plan_change (plan_id, at, status, amount_minor) values (?, ?, 'ACTIVE', 1000)",
                    plan, began);
            if (!"ACTIVE".equals(status)) {
                execute(c, "insert into revenue_plan_change (plan_id, at, status, amount_minor) values (?, ?, ?, 1000)",
                        plan, Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)), status);
            }
            c.commit();
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    /** Removes the pass claims the nodes made, as the next quarter hour would free the job; returns their nodes. */
    private static List<String> clearPassClaims() throws Exception {
        List<String> nodes = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("delete from cluster_job_run where job = '" + JOB + "' returning node")) {
            while (rs.next()) {
                nodes.add(rs.getString(1));
            }
        }
        return nodes;
    }

    /** Links the SMTP server received per supporter whose address starts with {@code crypto-<prefix>}. */
    private static Map<String, Integer> perRecipient(String prefix) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (to.startsWith("crypto-" + prefix)) {
                out.merge(to, 1, Integer::sum);
            }
        }
        return out;
    }

    private static String query(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(query(sql));
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(url);
    }

    private static void waitUntil(String what, Duration patience, Check condition) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** A condition that may throw while it is not yet true. */
    interface Check {
        boolean holds() throws Exception;
    }
}
