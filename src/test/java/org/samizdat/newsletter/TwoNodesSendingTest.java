package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samizdat.newsletter.SendingNodes.quietly;
import static org.samizdat.newsletter.SendingNodes.waitUntil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppProcess;
import org.samizdat.support.LocalPostgres;

/**
 * Two real app processes on one PostgreSQL schema, each sending through its own counting relay in front of one
 * SMTP server: both nodes' workers split one edition with no duplicate, and the jobs every node schedules (story
 * publishing, scheduled editions, weekly drafts) each happen once.
 */
class TwoNodesSendingTest {

    static final int RECIPIENTS = 400;

    @TempDir
    static Path dir;

    static SendingNodes db;
    static GreenMail mail;
    static FaultyRelay relayA;
    static FaultyRelay relayB;
    static AppProcess nodeA;
    static AppProcess nodeB;

    @BeforeAll
    static void twoNodes() throws Exception {
        LocalPostgres.requireInPostgresPass();
        db = new SendingNodes("sending");
        db.subscribers("weekly-en", "split", RECIPIENTS);
        db.subscribers("weekly-ru", "timed", 30);
        mail = new GreenMail(new ServerSetup(CrashResumeTest.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        relayA = new FaultyRelay(mail.getSmtp().getPort());
        relayB = new FaultyRelay(mail.getSmtp().getPort());
        String[] quick = {"--samizdat.newsletter.sending.concurrency=2", "--samizdat.newsletter.sending.rate=60",
                "--samizdat.newsletter.sending.batch=20",
                "--samizdat.newsletter.schedule.interval=500ms", "--samizdat.scheduler.interval=500ms"};
        nodeA = db.start(dir.resolve("a"), relayA.port(), quick);
        nodeB = db.start(dir.resolve("b"), relayB.port(), quick);
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {relayA, relayB}) {
            if (c != null) {
                c.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void bothNodesSendOneEditionAndEveryRecipientGetsExactlyOneMessage() throws Exception {
        long edition = db.draft("weekly-en", "Split edition");
        NewsroomClient desk = new NewsroomClient(nodeA.port());
        desk.signIn("admin", nodeA.firstRunAdminPassword());
        desk.get("/newsroom/newsletter/editions/" + edition);
        assertThat(desk.post("/newsroom/newsletter/editions/" + edition + "/send", Map.of()).statusCode()).isEqualTo(302);
        Instant started = Instant.now();

        waitUntil("every recipient has a message", Duration.ofMinutes(3),
                quietly(() -> SendingNodes.perRecipient(mail, "split").size() >= RECIPIENTS));
        waitUntil("the edition is marked sent", Duration.ofSeconds(30),
                quietly(() -> "SENT".equals(db.query("select status from edition where id = " + edition))));
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        Thread.sleep(2000);

        Map<String, Integer> received = SendingNodes.perRecipient(mail, "split");
        assertThat(received).hasSize(RECIPIENTS);
        assertThat(received.values()).as("no recipient got two").allMatch(n -> n == 1);
        assertThat(db.statuses(edition)).isEqualTo(Map.of("SENT", RECIPIENTS));
        System.out.printf("[samizdat] %d messages in %.1f s: node A sent %d, node B sent %d%n", RECIPIENTS, seconds,
                relayA.ended(), relayB.ended());
        assertThat(relayA.ended() + relayB.ended()).isEqualTo(RECIPIENTS);
        assertThat(relayA.ended()).as("node A took part").isPositive();
        assertThat(relayB.ended()).as("node B took part").isPositive();
    }

    @Test
    void aScheduledStoryAScheduledEditionAndAWeeklyDraftEachHappenOnce() throws Exception {
        NewsroomClient desk = new NewsroomClient(nodeA.port());
        desk.signIn("admin", nodeA.firstRunAdminPassword());
        ZoneId zone = ZoneId.of("Europe/Riga");
        String inAnHour = LocalDateTime.now(zone).plusHours(1).truncatedTo(ChronoUnit.MINUTES).toString();

        String headline = NewsroomClient.unique("Scheduled on two nodes");
        Map<String, Object> story = Map.of("headline", headline, "language", "en", "standfirst", "Once",
                "body", "Published by one node only.", "publishAt", inAnHour);
        desk.get("/newsroom/stories/new");
        HttpResponse<String> draft = desk.post("/newsroom/stories/new", story);
        String location = draft.headers().firstValue("Location").orElseThrow(() -> new AssertionError(draft.body()));
        long storyId = Long.parseLong(location.replaceAll(".*/stories/(\\d+).*", "$1"));
        assertThat(desk.post("/newsroom/stories/" + storyId + "/schedule", story).statusCode() / 100).isEqualTo(3);

        long edition = db.draft("weekly-ru", "Timed edition");
        desk.get("/newsroom/newsletter/editions/" + edition);
        assertThat(desk.post("/newsroom/newsletter/editions/" + edition + "/schedule", Map.of("sendAt", inAnHour))
                .headers().firstValue("Location").orElseThrow()).endsWith("done=scheduled");
        db.update("insert into newsletter_schedule (newsletter_id, day_of_week, local_time, zone, next_run_at, updated_at) "
                + "select id, 5, '10:00', 'Europe/Riga', current_timestamp + interval '1 hour', current_timestamp "
                + "from newsletter where code = 'weekly-en'");

        // The story's and the edition's times come at once, while both nodes poll every half second; then the week's.
        db.update("update story set publish_at = current_timestamp - interval '1 second' where id = " + storyId);
        db.update("update edition set send_at = date_trunc('second', current_timestamp) - interval '1 second' where id = "
                + edition);
        waitUntil("the story is published", Duration.ofSeconds(60),
                quietly(() -> "PUBLISHED".equals(db.query("select status from story where id = " + storyId))));
        db.update("update newsletter_schedule set next_run_at = current_timestamp - interval '1 second'");
        waitUntil("every reader of the timed edition has it", Duration.ofSeconds(90),
                quietly(() -> SendingNodes.perRecipient(mail, "timed").size() >= 30));
        waitUntil("the weekly schedule moved on", Duration.ofSeconds(60), quietly(() ->
                db.count("select count(*) from newsletter_schedule where next_run_at > current_timestamp") > 0));
        Thread.sleep(5000);

        assertThat(db.count("select count(*) from change_feed where event_type = 'story-published' and payload like '%\"storyId\":"
                + storyId + ",%'")).as("one StoryPublished, from one node").isEqualTo(1);
        assertThat(nodeB.get("/en").body()).contains(headline);
        assertThat(nodeA.get("/en").body()).contains(headline);

        Map<String, Integer> timed = SendingNodes.perRecipient(mail, "timed");
        assertThat(timed).hasSize(30);
        assertThat(timed.values()).allMatch(n -> n == 1);
        assertThat(db.count("select count(*) from delivery where edition_id = " + edition)).isEqualTo(30);
        assertThat(db.count("select count(*) from cluster_job_run where job = 'edition-send'")).isEqualTo(1);

        assertThat(db.count("select count(*) from edition e join newsletter n on n.id = e.newsletter_id "
                + "where n.code = 'weekly-en' and e.created_by is null and e.status = 'DRAFT'"))
                .as("one weekly draft for the occurrence").isEqualTo(1);
        assertThat(db.count("select count(*) from cluster_job_run where job = 'newsletter-draft'")).isEqualTo(1);
        assertThat(db.count("select count(*) from edition_item i join edition e on e.id = i.edition_id "
                + "where e.created_by is null and i.story_id = " + storyId)).as("the new story is in the draft").isEqualTo(1);
    }
}
