package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sending engine against a relay that offers PIPELINING, where each reader's envelope goes out with the previous
 * reader's final dot: refusals still land on the right reader, and a pause in the middle of a batch (an announced
 * envelope whose message never comes) neither loses nor repeats a reader.
 */
@AppTest
class PipelinedSendingTest {

    static final ScriptedRelay RELAY = ScriptedRelay.started(true);

    @DynamicPropertySource
    static void relay(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", RELAY::port);
        registry.add("samizdat.mail.from", () -> "newsletter@pipelined.test");
        registry.add("samizdat.newsletter.sending.concurrency", () -> "2");
        registry.add("samizdat.newsletter.sending.batch", () -> "10");
        registry.add("samizdat.newsletter.sending.rate", () -> "60");
        registry.add("samizdat.newsletter.sending.backoff", () -> "100ms");
        registry.add("samizdat.newsletter.sending.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopRelay() throws Exception {
        RELAY.close();
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    @Test
    void refusalsLandOnTheirOwnReaderAndEveryoneElseGetsOneCopy() throws Exception {
        List<String> readers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String kind = i % 6 == 1 ? "perm" : i % 6 == 3 ? "temp" : i % 6 == 5 ? "flaky" : "ok";
            readers.add(kind + i + "@outcomes.pipelined");
        }
        readers.forEach(r -> new Subscribers(jdbc, personal).add(r, "weekly-ru", "ACTIVE"));
        long id = editions.draft("weekly-ru", "Pipelined outcomes", "", "", List.of(), null);
        assertThat(editions.sendNow(id)).isEqualTo(readers.size());
        SendingEngineTest.await(() -> "SENT".equals(editions.edition(id).orElseThrow().status()));

        for (String reader : readers) {
            boolean refused = reader.startsWith("perm") || reader.startsWith("temp");
            assertThat(RELAY.accepted(reader)).as(reader).isEqualTo(refused ? 0 : 1);
            assertThat(status(reader, id)).as(reader).isEqualTo(refused ? "FAILED" : "SENT");
        }
    }

    @Test
    void aPauseInTheMiddleOfABatchNeitherLosesNorRepeatsAReader() throws Exception {
        int readers = 60;
        for (int i = 0; i < readers; i++) {
            new Subscribers(jdbc, personal).add("paused" + i + "@control.pipelined", "weekly-en", "ACTIVE");
        }
        long id = editions.draft("weekly-en", "Pipelined pause", "", "", List.of(), null);
        editions.sendNow(id);
        SendingEngineTest.await(() -> sent(id) >= 15);
        assertThat(editions.pause(id)).isTrue();
        Thread.sleep(700);
        int paused = sent(id);
        assertThat(paused).isLessThan(readers);
        assertThat(editions.resume(id)).isTrue();
        SendingEngineTest.await(() -> "SENT".equals(editions.edition(id).orElseThrow().status()));

        assertThat(sent(id)).isEqualTo(readers);
        for (int i = 0; i < readers; i++) {
            assertThat(RELAY.accepted("paused" + i + "@control.pipelined")).as("reader " + i).isEqualTo(1);
        }
    }

    private String status(String email, long edition) {
        return jdbc.sql("""
                select d.status from delivery d join subscription s on s.id = d.subscription_id
                join subscriber r on r.id = s.subscriber_id where r.email_lookup = ? and d.edition_id = ?
                """).params(personal.emailLookup(email), edition).query(String.class).single();
    }

    private int sent(long edition) {
        return jdbc.sql("select count(*) from delivery where edition_id = ? and status = 'SENT'").param(edition)
                .query(Integer.class).single();
    }
}
