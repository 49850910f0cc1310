package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samizdat.newsletter.SendingNodes.quietly;
import static org.samizdat.newsletter.SendingNodes.waitUntil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.support.AppProcess;
import org.samizdat.support.LocalPostgres;

/**
 * SIGTERM while messages are in flight (the relay holds its answers back a few seconds): the node waits for the
 * answers before it exits, so every claimed row ends confirmed sent or back in the queue, never unconfirmed; started
 * again, it finishes the edition with exactly one message per recipient.
 */
class GracefulShutdownTest {

    static final int RECIPIENTS = 200;
    static final Duration SLOW_ANSWER = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    SendingNodes db;
    GreenMail mail;
    FaultyRelay relay;

    @AfterEach
    void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void sigtermMidSendFinishesTheMessagesInFlightAndARestartFinishesTheRest() throws Exception {
        LocalPostgres.requireInPostgresPass();
        db = new SendingNodes("shutdown");
        db.subscribers("weekly-en", "term", RECIPIENTS);
        long edition = db.sending("weekly-en", "Shutdown edition");
        mail = new GreenMail(new ServerSetup(CrashResumeTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        relay = new FaultyRelay(mail.getSmtp().getPort());
        AppProcess first = db.start(dir.resolve("first"), relay.port(), "--samizdat.newsletter.sending.rate=40");

        waitUntil("the send is under way", Duration.ofMinutes(2), () -> relay.ended() >= 40);
        relay.slowAnswers(SLOW_ANSWER);
        waitUntil("messages wait for the relay's answer", Duration.ofSeconds(30), () -> relay.awaitingAnswer() >= 2);
        int inFlight = relay.awaitingAnswer();
        Instant term = Instant.now();
        first.close();
        Duration stopping = Duration.between(term, Instant.now());
        relay.slowAnswers(Duration.ZERO);

        Map<String, Integer> afterStop = db.statuses(edition);
        Map<String, Integer> received = SendingNodes.perRecipient(mail, "term");
        System.out.printf("[samizdat] SIGTERM with %d messages awaiting the relay's answer; the node stopped in %d ms;"
                + " rows then: %s; messages received: %d%n", inFlight, stopping.toMillis(), afterStop, received.size());
        assertThat(afterStop).as("every claimed row confirmed or back in the queue")
                .doesNotContainKeys("SENDING", "UNCONFIRMED", "FAILED");
        assertThat(afterStop.get("SENT")).as("what the relay got is what is marked sent").isEqualTo(received.size());
        assertThat(afterStop.get("QUEUED")).as("stopped mid-send").isPositive();
        assertThat(db.count("select count(*) from delivery where edition_id = " + edition
                + " and status = 'QUEUED' and claimed_by is not null")).as("nothing left claimed").isZero();

        db.start(dir.resolve("second"), relay.port());
        waitUntil("every recipient has a message", Duration.ofMinutes(3),
                quietly(() -> SendingNodes.perRecipient(mail, "term").size() >= RECIPIENTS));
        waitUntil("the edition is marked sent", Duration.ofSeconds(30),
                quietly(() -> "SENT".equals(db.query("select status from edition where id = " + edition))));
        Thread.sleep(2000);
        Map<String, Integer> all = SendingNodes.perRecipient(mail, "term");
        assertThat(all).hasSize(RECIPIENTS);
        assertThat(all.values()).as("no duplicate after the restart").allMatch(n -> n == 1);
        assertThat(db.statuses(edition)).isEqualTo(Map.of("SENT", RECIPIENTS));
    }
}
