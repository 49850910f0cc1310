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
import org.samizdat.support.Faults;
import org.samizdat.support.LocalPostgres;

/**
 * The SMTP relay goes down for a minute in the middle of a send and comes back: sending waits and retries with the
 * default backoff and attempts, then finishes with every recipient served exactly once and no row failed.
 */
class RelayOutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(60);
    static final int RECIPIENTS = 300;
    static final int BEFORE_OUTAGE = 60;

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
    void aRelayDownForAMinuteMidSendDelaysTheEditionButLosesAndRepeatsNothing() throws Exception {
        Faults.requireAllowed();
        LocalPostgres.requireInPostgresPass();
        db = new SendingNodes("outage");
        db.subscribers("weekly-en", "outage", RECIPIENTS);
        long edition = db.sending("weekly-en", "Outage edition");
        mail = new GreenMail(new ServerSetup(CrashResumeTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        relay = new FaultyRelay(mail.getSmtp().getPort());
        // Default concurrency, batch, lease, attempts and backoff; only the rate is capped, so the outage lands mid-send.
        AppProcess node = db.start(dir.resolve("node"), relay.port(), "--samizdat.newsletter.sending.rate=20");

        waitUntil("the send is under way", Duration.ofMinutes(2), () -> relay.ended() >= BEFORE_OUTAGE);
        relay.down();
        Instant down = Instant.now();
        int atOutage = mail.getReceivedMessages().length;
        SendingNodes.sleep(OUTAGE);
        int duringOutage = mail.getReceivedMessages().length - atOutage;
        Map<String, Integer> rowsInOutage = db.statuses(edition);
        relay.up();
        Instant up = Instant.now();

        waitUntil("every recipient has a message", Duration.ofMinutes(4),
                quietly(() -> SendingNodes.perRecipient(mail, "outage").size() >= RECIPIENTS));
        waitUntil("the edition is marked sent", Duration.ofSeconds(30),
                quietly(() -> "SENT".equals(db.query("select status from edition where id = " + edition))));
        Duration recovery = Duration.between(up, Instant.now());
        Thread.sleep(3000);

        System.out.printf("[samizdat] relay down %d s after %d messages; %d arrived in the outage (answers in flight);"
                + " finished %d s after it came back; most attempts for one row: %s; rows during the outage: %s%n",
                Duration.between(down, up).toSeconds(), atOutage, duringOutage, recovery.toSeconds(),
                db.query("select max(attempts) from delivery where edition_id = " + edition), rowsInOutage);
        assertThat(atOutage).as("the outage came mid-send").isLessThan(RECIPIENTS);
        assertThat(rowsInOutage).as("nothing failed while the relay was away").doesNotContainKey("FAILED");
        Map<String, Integer> received = SendingNodes.perRecipient(mail, "outage");
        assertThat(received).hasSize(RECIPIENTS);
        assertThat(received.values()).as("no duplicate").allMatch(n -> n == 1);
        assertThat(db.statuses(edition)).isEqualTo(Map.of("SENT", RECIPIENTS));
        assertThat(db.count("select max(attempts) from delivery where edition_id = " + edition))
                .as("the outage itself cost no attempt; only a message cut mid-transfer counts one").isLessThanOrEqualTo(2);
        assertThat(node.output()).contains("The mail relay cannot be reached");
    }
}
