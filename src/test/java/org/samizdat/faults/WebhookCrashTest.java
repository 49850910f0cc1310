package org.samizdat.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.support.AppProcess;
import org.samizdat.support.Faults;
import org.samizdat.support.LocalPostgres;

/**
 * kill -9 during webhook handling: a burst of Stripe-signed {@code checkout.session.completed} and
 * {@code invoice.paid} events goes to a real app process on PostgreSQL, which is killed with SIGKILL while
 * several deliveries are in flight. As Stripe would, every event that got no 2xx is sent again (freshly signed)
 * to the restarted process. In the end each payment is in the ledger exactly once and the totals match.
 */
class WebhookCrashTest {

    static final int ONCE = 120;
    static final int MONTHLY = 40;
    static final int THREADS = 8;

    @TempDir
    static Path dir;

    static String schema;
    static final List<AppProcess> nodes = new ArrayList<>();

    @BeforeAll
    static void database() throws Exception {
        Faults.requireAllowed();
        LocalPostgres.requireInPostgresPass();
        schema = LocalPostgres.createSchema("hookcrash");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AppProcess node : nodes) {
            node.close();
        }
        if (schema != null) {
            LocalPostgres.dropSchema(schema);
        }
    }

    static AppProcess start() throws Exception {
        List<String> args = new ArrayList<>(StripeDeliveries.NODE_ARGUMENTS);
        args.add("--spring.flyway.schemas=" + schema);
        args.add("--spring.mail.port=9");
        AppProcess node = AppProcess.start(dir.resolve("node"), LocalPostgres.urlFor(schema), args.toArray(String[]::new));
        nodes.add(node);
        return node.awaitReady(Duration.ofMinutes(3));
    }

    @Test
    void killedWhileHandlingWebhooksEveryPaymentIsCreditedExactlyOnceAfterStripeRetries() throws Exception {
        AppProcess first = start();
        StripeDeliveries stripe = new StripeDeliveries(LocalPostgres.urlFor(schema)).seed(ONCE, MONTHLY, 7);
        int total = stripe.events().size();
        AtomicReference<AppProcess> live = new AtomicReference<>(first);

        Thread burst = new Thread(() -> {
            try {
                stripe.send(stripe.events(), THREADS, () -> live.get().port());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        burst.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (stripe.answered2xx() < total / 4) {
            assertThat(System.nanoTime()).as("the first quarter answered").isLessThan(deadline);
            Thread.sleep(5);
        }
        int inFlightBefore = stripe.attempts.get() - stripe.answers.size();
        first.kill();
        burst.join();
        int answeredBeforeKill = stripe.answered2xx();
        int cut = (int) stripe.answers.values().stream().filter(s -> s == -1).count();
        StripeDeliveries.Ledger atKill = stripe.ledger();
        long creditedAtKill = atKill.paidRows().values().stream().filter(n -> n > 0).count();
        assertThat(inFlightBefore).as("deliveries in flight when the process was killed").isPositive();
        assertThat(answeredBeforeKill).isLessThan(total);
        assertThat(atKill.paidRows().values()).as("nothing doubled even at the kill").allMatch(n -> n <= 1);

        AppProcess second = start();
        live.set(second);
        int rounds = stripe.redeliverUntilAnswered(() -> live.get().port(), Duration.ofMinutes(3));
        stripe.send(stripe.events(), 4, () -> live.get().port());
        assertThat(stripe.unanswered()).as("every duplicate delivery is answered 2xx too").isEmpty();

        StripeDeliveries.Ledger ledger = stripe.ledger();
        System.out.printf("[samizdat] kill -9 during webhooks: %d events, %d answered before the kill, %d in flight at"
                + " the kill, %d cut or refused; %d entries credited at the kill; %d redelivery rounds, %d attempts in"
                + " all; ledger total %d = expected %d%n", total, answeredBeforeKill, inFlightBefore, cut,
                creditedAtKill, rounds, stripe.attempts.get(), ledger.paidTotal(), stripe.expectedTotal());
        stripe.assertExactlyOnce(ledger);
    }
}
