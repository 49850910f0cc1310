package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.samizdat.shared.web.Mirrors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sending engine against a relay that refuses, defers and accepts: retries, failures, pause, cancel, progress. */
@AppTest
class SendingEngineTest {

    static final ScriptedRelay RELAY = ScriptedRelay.started(false);

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        registry.add("samizdat.mail.from", () -> "newsletter@engine.test");
        registry.add("samizdat.newsletter.sending.concurrency", () -> "2");
        registry.add("samizdat.newsletter.sending.rate", () -> "40");
        registry.add("samizdat.newsletter.sending.backoff", () -> "100ms");
        registry.add("samizdat.newsletter.sending.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        RELAY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    @Autowired
    StaffDirectory staff;

    Subscribers subscribers() {
        return new Subscribers(jdbc, personal);
    }

    Map<String, Object> row(String email, long edition) {
        return jdbc.sql("""
                select d.status, d.attempts, d.reason, d.message_id from delivery d join subscription s on s.id = d.subscription_id
                join subscriber r on r.id = s.subscriber_id where r.email_lookup = ? and d.edition_id = ?
                """).params(personal.emailLookup(email), edition).query().singleRow();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached in time").isTrue();
    }

    @Test
    void temporaryFailuresRetryWithBackoffAndPermanentOnesFailWithTheirCodeOnly() throws Exception {
        for (String who : List.of("ok1", "ok2", "perm", "temp", "flaky")) {
            subscribers().add(who + "@outcomes.example", "weekly-ru", "ACTIVE");
        }
        long id = editions.draft("weekly-ru", "Outcomes", "", "", List.of(), null);
        assertThat(editions.sendNow(id)).isEqualTo(5);
        await(() -> "SENT".equals(editions.edition(id).orElseThrow().status()));

        assertThat(row("ok1@outcomes.example", id)).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat((String) row("ok1@outcomes.example", id).get("message_id")).matches("<e" + id + "\\.d[0-9]+@engine\\.test>");
        assertThat(row("perm@outcomes.example", id)).containsEntry("status", "FAILED").containsEntry("attempts", 1)
                .containsEntry("reason", "550 5.1.1");
        assertThat(row("temp@outcomes.example", id)).containsEntry("status", "FAILED").containsEntry("attempts", 3)
                .containsEntry("reason", "451 4.3.0");
        assertThat(row("flaky@outcomes.example", id)).containsEntry("status", "SENT").containsEntry("attempts", 3);
        assertThat(RELAY.accepted("flaky@outcomes.example")).isEqualTo(1);
        assertThat(RELAY.accepted("ok2@outcomes.example")).isEqualTo(1);
        assertThat(RELAY.accepted("perm@outcomes.example")).isZero();
        assertThat(jdbc.sql("select count(*) from delivery where reason like '%@%'").query(Integer.class).single())
                .as("no address in a stored reason").isZero();
    }

    @Test
    void pauseStopsSendingResumeFinishesCancelDropsTheRestAndConnectionsAreReused() throws Exception {
        int readers = 60;
        for (int i = 0; i < readers; i++) {
            subscribers().add("many" + i + "@control.example", "weekly-en", "ACTIVE");
        }
        long id = editions.draft("weekly-en", "Control", "", "", List.of(), null);
        int connectionsBefore = RELAY.connections.get();
        long started = System.nanoTime();
        editions.sendNow(id);
        await(() -> sent(id) >= 5);
        assertThat(editions.pause(id)).isTrue();
        Thread.sleep(1000);
        int paused = sent(id);
        Thread.sleep(1000);
        assertThat(sent(id)).as("nothing more goes out while paused").isEqualTo(paused).isLessThan(readers);
        assertThat(editions.progress(id).orElseThrow().status()).isEqualTo("PAUSED");

        String username = NewsroomClient.unique("engine");
        staff.create(username, "Engine editor", Role.EDITOR, "engine password 123");
        NewsroomClient desk = new NewsroomClient(port);
        desk.signIn(username, "engine password 123");
        assertThat(desk.get("/newsroom/newsletter/editions/" + id).body()).contains("Resume sending");
        assertThat(desk.post("/newsroom/newsletter/editions/" + id + "/resume", Map.of()).statusCode()).isEqualTo(302);
        await(() -> "SENT".equals(editions.edition(id).orElseThrow().status()));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(sent(id)).isEqualTo(readers);
        assertThat(readers / seconds).as("never faster than the configured rate").isLessThanOrEqualTo(40.0 * 1.1);
        assertThat(RELAY.connections.get() - connectionsBefore).as("connections are kept open").isLessThanOrEqualTo(2);
        String json = desk.get("/newsroom/newsletter/editions/" + id + "/progress.json").body();
        assertThat(json).contains("\"status\":\"SENT\"").contains("\"total\":" + readers).contains("\"sent\":" + readers)
                .contains("\"queued\":0").contains("\"rate\":");
        assertThat(desk.get("/newsroom/newsletter/editions/" + id).body()).contains("Sent " + readers + " of " + readers);

        long second = editions.draft("weekly-en", "Cancelled", "", "", List.of(), null);
        editions.sendNow(second);
        editions.pause(second);
        assertThat(desk.get("/newsroom/newsletter/editions/" + second).body()).contains("Cancel the rest");
        assertThat(desk.post("/newsroom/newsletter/editions/" + second + "/cancel", Map.of()).statusCode()).isEqualTo(302);
        int atCancel = sent(second);
        Thread.sleep(1000);
        assertThat(sent(second)).isEqualTo(atCancel);
        assertThat(editions.progress(second).orElseThrow().cancelled()).isEqualTo(readers - atCancel);
        assertThat(editions.edition(second).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(new NewsroomClient(port).get("/newsroom/newsletter/editions/" + id + "/progress.json").statusCode())
                .as("staff only").isNotEqualTo(200);
    }

    /** The newsroom's mirror list as the distribution module would provide it. */
    @TestConfiguration
    static class TestMirrors {

        @Bean
        @Primary
        Mirrors testMirrors() {
            return () -> List.of(new Mirrors.Mirror("web", "https://mirror-one.example/", "Mirror one"),
                    new Mirrors.Mirror("onion", "http://abcdefghijklmnop.onion/", ""),
                    new Mirrors.Mirror("web", "javascript:alert(1)", "Trap"));
        }
    }

    @Test
    void editionsCarryTheMirrorListInTheirFooter() {
        long id = editions.draft("weekly-en", "Mirrors", "", "", List.of(), null);
        var view = editions.preview(id).orElseThrow();
        String html = editions.html(view);
        assertThat(html).contains("href=\"https://mirror-one.example/\"").contains(">Mirror one<")
                .contains(">http://abcdefghijklmnop.onion/<").contains("If our site is blocked")
                .doesNotContain("javascript:").doesNotContain("Trap");
        assertThat(view.text()).contains("Mirror one: https://mirror-one.example/").contains("http://abcdefghijklmnop.onion/")
                .doesNotContain("javascript:");
    }

    int sent(long edition) {
        return jdbc.sql("select count(*) from delivery where edition_id = ? and status = 'SENT'").param(edition)
                .query(Integer.class).single();
    }
}
