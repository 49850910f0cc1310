package org.samizdat.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.samizdat.revenue.ProviderStubs;

/**
 * Stripe as the fault tests need it: pending donations seeded in the ledger as a checkout leaves them, the
 * events Stripe sends about them (real payload shapes from the fixtures, signed with Stripe's scheme at every
 * attempt), delivery by several threads with every answer kept, re-delivery of whatever did not get a 2xx, and
 * the ledger checked afterwards: each payment exactly once, the totals as paid.
 */
final class StripeDeliveries {

    static final String WEBHOOK_SECRET = "whsec_faults_samizdat";

    /** The node arguments that turn Stripe on (its API is never called for these events). */
    static final List<String> NODE_ARGUMENTS = List.of("--samizdat.stripe.secret-key=sk_test_faults",
            "--samizdat.stripe.webhook-secret=" + WEBHOOK_SECRET, "--samizdat.stripe.api-base=http://127.0.0.1:9");

    record Event(String id, String body) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String jdbcUrl;
    private final Map<UUID, Long> once = new ConcurrentHashMap<>();
    private final Map<UUID, Long> monthly = new ConcurrentHashMap<>();
    private final Map<String, Long> renewals = new ConcurrentHashMap<>();
    private final List<Event> events = new ArrayList<>();
    /** Latest HTTP status per event id; -1 when no answer came (connection refused or cut). */
    final Map<String, Integer> answers = new ConcurrentHashMap<>();
    final AtomicInteger attempts = new AtomicInteger();

    StripeDeliveries(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** Seeds one-time and monthly checkouts and builds Stripe's events about them, shuffled. */
    StripeDeliveries seed(int onceCount, int monthlyCount, long seed) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (int i = 0; i < onceCount; i++) {
                UUID id = UUID.randomUUID();
                long amount = 500 + i * 7L;
                pending(c, id, "ONCE", amount, null);
                once.put(id, amount);
                events.add(event("checkout.session.completed", "checkout-session-payment", Map.of("session",
                        "cs_test_" + id, "amount", amount, "currency", "usd", "donation", id, "payment_status", "paid",
                        "payment_intent", "pi_" + id.toString().replace("-", ""))));
            }
            for (int i = 0; i < monthlyCount; i++) {
                UUID id = UUID.randomUUID();
                long amount = 1000 + i * 11L;
                String tag = id.toString().replace("-", "").substring(0, 16);
                String sub = "sub_" + tag;
                String first = "in_first" + tag;
                String second = "in_second" + tag;
                pending(c, id, "MONTHLY", amount, UUID.randomUUID());
                monthly.put(id, amount);
                renewals.put(second, amount);
                events.add(event("checkout.session.completed", "checkout-session-subscription", Map.of("session",
                        "cs_test_" + tag, "amount", amount, "currency", "usd", "donation", id, "payment_status", "paid",
                        "customer", "cus_" + tag, "subscription", sub, "invoice", first)));
                events.add(invoice(id, amount, sub, first, "subscription_create"));
                events.add(invoice(id, amount, sub, second, "subscription_cycle"));
            }
        }
        Collections.shuffle(events, new Random(seed));
        return this;
    }

    List<Event> events() {
        return events;
    }

    /** Events that have not been answered with a 2xx yet. */
    List<Event> unanswered() {
        return events.stream().filter(e -> answers.getOrDefault(e.id(), -1) / 100 != 2).toList();
    }

    /** Sends the events with this many threads to the port the supplier names at each attempt; waits for all. */
    void send(List<Event> batch, int threads, IntSupplier port) throws InterruptedException {
        ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>(batch);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (Event e = queue.poll(); e != null; e = queue.poll()) {
                    answers.put(e.id(), deliver(port.getAsInt(), e));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    }

    /** Sends the events one after another with a pause between them, so that they span a fault. */
    void sendPaced(List<Event> batch, Duration pause, IntSupplier port) throws InterruptedException {
        for (Event e : batch) {
            answers.put(e.id(), deliver(port.getAsInt(), e));
            Thread.sleep(pause.toMillis());
        }
    }

    /** Re-sends what got no 2xx, as Stripe does (with a fresh signature each time), until all are answered. */
    int redeliverUntilAnswered(IntSupplier port, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        int rounds = 0;
        while (!unanswered().isEmpty()) {
            assertThat(Instant.now()).as("every webhook answered with a 2xx in time; left: " + unanswered().size())
                    .isBefore(deadline);
            send(unanswered(), 4, port);
            rounds++;
            if (!unanswered().isEmpty()) {
                Thread.sleep(500);
            }
        }
        return rounds;
    }

    int answered2xx() {
        return (int) answers.values().stream().filter(s -> s / 100 == 2).count();
    }

    int deliver(int port, Event e) {
        attempts.incrementAndGet();
        long t = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/support/webhooks/stripe"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", "t=" + t + ",v1=" + sign(t, e.body()))
                .POST(HttpRequest.BodyPublishers.ofString(e.body())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException cut) {
            return -1;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What the ledger shows now, checked against what Stripe paid: each payment once, totals equal. */
    Ledger ledger() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            Map<UUID, Integer> paidRows = new java.util.HashMap<>();
            long paidTotal = 0;
            try (ResultSet rs = s.executeQuery("""
                    select d.id, d.amount_minor, d.invoice_ref, count(p.id) as paid from revenue_donation d
                    left join revenue_donation_status p on p.donation_id = d.id and p.status = 'PAID'
                    where d.method = 'stripe' group by d.id, d.amount_minor, d.invoice_ref""")) {
                while (rs.next()) {
                    int paid = rs.getInt("paid");
                    paidRows.put(rs.getObject("id", UUID.class), paid);
                    paidTotal += paid * rs.getLong("amount_minor");
                }
            }
            Map<String, Integer> renewalRows = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery("""
                    select invoice_ref, count(*) from revenue_donation where method = 'stripe' and kind = 'RENEWAL'
                    group by invoice_ref""")) {
                while (rs.next()) {
                    renewalRows.put(rs.getString(1), rs.getInt(2));
                }
            }
            long events;
            try (ResultSet rs = s.executeQuery("select count(*) from revenue_provider_event where provider = 'stripe'")) {
                rs.next();
                events = rs.getLong(1);
            }
            return new Ledger(paidRows, renewalRows, paidTotal, events);
        }
    }

    record Ledger(Map<UUID, Integer> paidRows, Map<String, Integer> renewals, long paidTotal, long events) {
    }

    long expectedTotal() {
        return once.values().stream().mapToLong(Long::longValue).sum()
                + 2 * monthly.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every checkout paid once, every renewal invoice one donation paid once, the totals as Stripe charged. */
    void assertExactlyOnce(Ledger ledger) {
        once.keySet().forEach(id -> assertThat(ledger.paidRows().get(id)).as("one-time " + id).isEqualTo(1));
        monthly.keySet().forEach(id -> assertThat(ledger.paidRows().get(id)).as("first month " + id).isEqualTo(1));
        assertThat(ledger.renewals()).as("one renewal entry per invoice").hasSize(renewals.size())
                .allSatisfy((invoice, n) -> assertThat(n).as(invoice).isEqualTo(1));
        assertThat(ledger.paidRows().values()).allMatch(n -> n == 1);
        assertThat(ledger.paidTotal()).as("the ledger's total is what Stripe charged").isEqualTo(expectedTotal());
        assertThat(ledger.events()).as("every event recorded once").isEqualTo(events.size());
    }

    private static void pending(Connection c, UUID id, String frequency, long amount, UUID plan) throws Exception {
        try (PreparedStatement d = c.prepareStatement("""
                insert into revenue_donation (id, created_at, kind, frequency, amount_minor, currency, method, language,
                  plan_id) values (?, current_timestamp, 'CHECKOUT', ?, ?, 'USD', 'stripe', 'en', ?)""");
                PreparedStatement s = c.prepareStatement("""
                insert into revenue_donation_status (donation_id, status, status_key, at)
                values (?, 'PENDING', 'PENDING', current_timestamp)""")) {
            d.setObject(1, id);
            d.setString(2, frequency);
            d.setLong(3, amount);
            d.setObject(4, plan);
            d.executeUpdate();
            s.setObject(1, id);
            s.executeUpdate();
        }
        if (plan != null) {
            try (PreparedStatement p = c.prepareStatement("""
                    insert into revenue_plan (id, created_at, origin_donation_id, frequency, currency, method, language)
                    values (?, current_timestamp, ?, 'MONTHLY', 'USD', 'stripe', 'en')""");
                    PreparedStatement ch = c.prepareStatement("""
                    insert into revenue_plan_change (plan_id, at, status, amount_minor, reason)
                    values (?, current_timestamp, 'PENDING', ?, 'checkout')""")) {
                p.setObject(1, plan);
                p.setObject(2, id);
                p.executeUpdate();
                ch.setObject(1, plan);
                ch.setLong(2, amount);
                ch.executeUpdate();
            }
        }
    }

    private static Event invoice(UUID donation, long amount, String sub, String invoice, String reason) {
        return event("invoice.paid", "invoice", Map.ofEntries(Map.entry("invoice", invoice), Map.entry("amount", amount),
                Map.entry("amount_paid", amount), Map.entry("billing_reason", reason), Map.entry("currency", "usd"),
                Map.entry("customer", "cus_" + sub.substring(4)), Map.entry("subscription", sub),
                Map.entry("donation", donation), Map.entry("period_end", Instant.now().plus(Duration.ofDays(30))
                        .getEpochSecond()), Map.entry("status", "paid")));
    }

    private static Event event(String type, String object, Map<String, ?> values) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("created", Instant.now().getEpochSecond());
        all.put("object", ProviderStubs.fixture("stripe/" + object + ".json", all));
        all.put("type", type);
        all.put("event", id);
        return new Event(id, ProviderStubs.fixture("stripe/event.json", all));
    }

    /** Stripe's scheme: v1 = hex HMAC-SHA-256 of {@code "<t>.<raw body>"} under the endpoint's secret. */
    static String sign(long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
