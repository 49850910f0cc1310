package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled sending and weekly drafts through the desk and the jobs every node runs: an edition scheduled for a
 * time goes out once when it comes (unless cancelled), and a weekly schedule drafts the week's edition once.
 */
@MailAppTest
class SchedulesTest {

    static final ZoneId NEWSROOM = ZoneId.of("Europe/Riga");
    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    ScheduledSending scheduledSending;

    @Autowired
    WeeklyDrafts weeklyDrafts;

    @Autowired
    Editions editions;

    NewsroomClient editor() throws Exception {
        String username = NewsroomClient.unique("scheduler");
        staff.create(username, "Scheduler", Role.EDITOR, "scheduling password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "scheduling password 123");
        return client;
    }

    long publish(Language language, String headline) {
        long id = workflow.save(new StoryDraft(null, language, null, headline, "Standfirst of " + headline, "Body", null,
                null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    void subscribe(String email) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into subscriber (email_sealed, email_lookup, created_at) values (?, ?, ?)")
                .params(personal.seal(email), personal.emailLookup(email), now).update();
        jdbc.sql("""
                insert into subscription (subscriber_id, newsletter_id, status, created_at)
                select r.id, n.id, 'ACTIVE', ? from subscriber r, newsletter n where r.email_lookup = ? and n.code = 'weekly-en'
                """).params(now, personal.emailLookup(email)).update();
    }

    static String typed(Instant at) {
        return LocalDateTime.ofInstant(at, NEWSROOM).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @Test
    void anEditorSchedulesAnEditionWhichGoesOutOnceWhenItsTimeComes() throws Exception {
        long story = publish(Language.EN, NewsroomClient.unique("Scheduled story"));
        String reader = NewsroomClient.unique("scheduled-reader").toLowerCase() + "@schedules.example";
        subscribe(reader);
        NewsroomClient desk = editor();
        desk.get("/newsroom/newsletter");
        HttpResponse<String> created = desk.post("/newsroom/newsletter/editions", Map.of("newsletter", "weekly-en",
                "subject", "Scheduled issue", "preheader", "", "intro", "Hello", "order_" + story, "1"));
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));

        HttpResponse<String> past = desk.post(path + "/schedule", Map.of("sendAt", "2020-01-03T10:00"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("Choose a time in the future.");
        HttpResponse<String> garbled = desk.post(path + "/schedule", Map.of("sendAt", "next Friday"));
        assertThat(garbled.statusCode()).isEqualTo(422);
        assertThat(garbled.body()).contains("Enter a date and time");
        assertThat(desk.post(path + "/schedule", Map.of("sendAt", "x".repeat(5000))).statusCode()).isEqualTo(422);
        assertThat(editions.edition(id).orElseThrow().sendAt()).isNull();

        Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS);
        assertThat(desk.post(path + "/schedule", Map.of("sendAt", typed(inAnHour))).headers().firstValue("Location")
                .orElseThrow()).endsWith("done=scheduled");
        Edition scheduled = editions.edition(id).orElseThrow();
        assertThat(scheduled.scheduled()).isTrue();
        assertThat(scheduled.sendAt()).isEqualTo(inAnHour.truncatedTo(ChronoUnit.MINUTES));
        assertThat(desk.get(path).body()).contains("to be sent").contains("Europe/Riga").contains("Cancel the schedule");
        assertThat(scheduledSending.sendDue()).as("not yet due").isZero();

        assertThat(desk.post(path + "/unschedule", Map.of()).headers().firstValue("Location").orElseThrow())
                .endsWith("done=unscheduled");
        assertThat(editions.edition(id).orElseThrow().scheduled()).isFalse();
        assertThat(editions.sendScheduled(id, scheduled.sendAt())).as("a cancelled schedule never fires").isEqualTo(-1);

        desk.post(path + "/schedule", Map.of("sendAt", typed(inAnHour)));
        Instant due = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        jdbc.sql("update edition set send_at = ? where id = ?").params(Timestamp.from(due), id).update();
        List<Integer> sent = race(() -> scheduledSending.sendDue());
        assertThat(jdbc.sql("select status from edition where id = ?").param(id).query(String.class).single())
                .isIn(Edition.SENDING, Edition.SENT);
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).as("frozen by one caller at most").isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cluster_job_run where job = 'edition-send' and slot = ?")
                .param(id + "@" + due).query(Integer.class).single()).isEqualTo(1);
        List<MimeMessage> received = TestMailServer.await(reader, 1);
        Thread.sleep(1000);
        assertThat(TestMailServer.to(reader)).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Scheduled issue");
        assertThat(jdbc.sql("select count(*) from delivery where edition_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(jdbc.sql("select count(*) from subscription s join newsletter n on n.id = s.newsletter_id "
                        + "where n.code = 'weekly-en' and s.status = 'ACTIVE'").query(Integer.class).single());
    }

    @Test
    void aWeeklyScheduleDraftsTheWeeksEditionOnceForAnEditorToApprove() throws Exception {
        NewsroomClient desk = editor();
        assertThat(desk.get("/newsroom/newsletter/schedule?newsletter=weekly-en").statusCode()).isEqualTo(200);
        HttpResponse<String> badZone = desk.post("/newsroom/newsletter/schedule",
                Map.of("newsletter", "weekly-en", "day", "5", "time", "10:00", "zone", "Mars/Olympus_Mons"));
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(badZone.body()).contains("Enter a time zone by its region name");
        HttpResponse<String> badTime = desk.post("/newsroom/newsletter/schedule",
                Map.of("newsletter", "weekly-en", "day", "5", "time", "25:99", "zone", "Europe/Riga"));
        assertThat(badTime.statusCode()).isEqualTo(422);
        assertThat(badTime.body()).contains("Enter a time as hours and minutes");
        assertThat(desk.post("/newsroom/newsletter/schedule", Map.of("newsletter", "weekly-en", "day", "9", "time",
                "10:00", "zone", "Europe/Riga")).statusCode()).isEqualTo(422);
        assertThat(desk.post("/newsroom/newsletter/schedule", Map.of("newsletter", "weekly-en", "day", "5", "time",
                "10:00", "zone", "Europe/Riga")).headers().firstValue("Location").orElseThrow()).endsWith("done=saved");
        assertThat(desk.get("/newsroom/newsletter?newsletter=weekly-en").body()).contains("Every Friday at 10:00 (Europe/Riga)");
        try {
            String english = NewsroomClient.unique("Weekly english story");
            String russian = NewsroomClient.unique("Weekly russian story");
            long en = publish(Language.EN, english);
            publish(Language.RU, russian);
            jdbc.sql("update newsletter_schedule set next_run_at = ? where newsletter_id = (select id from newsletter where code = 'weekly-en')")
                    .param(Timestamp.from(Instant.now().minusSeconds(60))).update();
            long before = jdbc.sql("select coalesce(max(id), 0) from edition").query(Long.class).single();

            race(() -> weeklyDrafts.runDue());
            weeklyDrafts.runDue();

            List<Long> drafted = jdbc.sql("select id from edition where id > ? and created_by is null and status = 'DRAFT'")
                    .param(before).query(Long.class).list();
            assertThat(drafted).as("one draft for the occurrence, however many callers").hasSize(1);
            Edition draft = editions.edition(drafted.get(0)).orElseThrow();
            assertThat(draft.newsletter().code()).isEqualTo("weekly-en");
            assertThat(draft.subject()).startsWith(draft.newsletter().name() + ": ");
            assertThat(draft.preheader()).contains(english);
            assertThat(draft.items()).extracting(Edition.Item::storyId).contains(en);
            assertThat(draft.items()).extracting(Edition.Item::headline).doesNotContain(russian);
            Instant next = jdbc.sql("select next_run_at from newsletter_schedule where newsletter_id = ?")
                    .param(draft.newsletter().id()).query(Timestamp.class).single().toInstant();
            ZonedDateTime local = next.atZone(NEWSROOM);
            assertThat(next).isAfter(Instant.now());
            assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
            assertThat(local.toLocalTime().toString()).isEqualTo("10:00");
            assertThat(desk.get("/newsroom/newsletter/editions/" + draft.id()).body()).contains("Send now to all subscribers");
        } finally {
            assertThat(desk.post("/newsroom/newsletter/schedule/stop", Map.of("newsletter", "weekly-en")).statusCode())
                    .isEqualTo(302);
        }
        assertThat(desk.get("/newsroom/newsletter/schedule?newsletter=weekly-en").body()).contains("No weekly schedule.");
    }

    static <T> List<T> race(java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> future : futures) {
                out.add(future.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
