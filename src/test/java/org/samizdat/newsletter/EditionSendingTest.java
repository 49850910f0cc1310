package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An edition frozen into one delivery per active subscriber, sent by the worker, then in the public archive. */
@MailAppTest
class EditionSendingTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    Subscribers subscribers() {
        return new Subscribers(jdbc, personal);
    }

    @Autowired
    Editions editions;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    TransactionTemplate transactions;

    long story(Language language, String headline) {
        long id = workflow.save(new StoryDraft(null, language, null, headline, "Standfirst of " + headline, "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false),
                EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    void subscriber(String email, String newsletter, String status) {
        subscribers().add(email, newsletter, status);
    }

    @Test
    void sendsOneMailPerActiveSubscriberAndArchivesTheEdition() throws Exception {
        long first = story(Language.RU, "Учения на границе");
        long second = story(Language.RU, "Интервью недели");
        for (int i = 0; i < 3; i++) {
            subscriber("weekly" + i + "@editions.example", "weekly-ru", "ACTIVE");
        }
        subscriber("pending@editions.example", "weekly-ru", "PENDING");
        subscriber("gone@editions.example", "weekly-ru", "UNSUBSCRIBED");
        subscriber("english@editions.example", "weekly-en", "ACTIVE");

        long id = editions.draft("weekly-ru", "Выпуск недели:\r\nBcc: x@evil.example", "Главное за неделю",
                "Здравствуйте! <script>alert(1)</script>", List.of(second, first), null);
        String preview = editions.html(editions.preview(id).orElseThrow());
        assertThat(preview).contains("Интервью недели").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(preview.indexOf("Интервью недели")).isLessThan(preview.indexOf("Учения на границе"));

        Reader early = new Reader(port);
        assertThat(early.get("/ru/newsletter/archive").body()).as("cached before the send")
                .doesNotContain("/ru/newsletter/archive/" + id);
        early.get("/ru/newsletter");
        assertThat(editions.sendNow(id)).isEqualTo(3);
        assertThat(editions.sendNow(id)).as("a second send does nothing").isEqualTo(-1);

        for (int i = 0; i < 3; i++) {
            MimeMessage mail = TestMailServer.await("weekly" + i + "@editions.example", 1).get(0);
            assertThat(mail.getSubject()).isEqualTo("Выпуск недели: Bcc: x@evil.example");
            assertThat(mail.getHeader("Bcc")).isNull();
            assertThat(Mails.size(mail)).isLessThan(100_000);
            assertThat(Mails.html(mail)).doesNotContain("<img").contains("Главное за неделю");
            assertThat(MimeUtility.unfold(mail.getHeader("List-Unsubscribe")[0])).contains("/newsletter/unsubscribe/");
            assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"SENT".equals(status(id)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from delivery where edition_id = ? and status = 'SENT'").param(id)
                .query(Integer.class).single()).isEqualTo(3);
        Thread.sleep(300);
        for (String other : List.of("pending@editions.example", "gone@editions.example", "english@editions.example")) {
            assertThat(TestMailServer.to(other)).as(other).isEmpty();
        }

        Reader reader = new Reader(port);
        String archive = reader.get("/ru/newsletter/archive").body();
        assertThat(archive).contains("/ru/newsletter/archive/" + id);
        assertThat(reader.get("/ru/newsletter/archive/" + id).body()).contains("Интервью недели");
        assertThat(reader.get("/en/newsletter/archive/" + id).statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(reader.get("/ru/newsletter").body()).select("main a[href=/ru/newsletter/archive/" + id + "]"))
                .hasSize(1);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameRow() throws Exception {
        // Rows in a state the running worker ignores, so only the two transactions below compete for them.
        subscriber("claims@editions.example", "weekly-en", "UNSUBSCRIBED");
        long id = editions.draft("weekly-en", "Claims", "", "", List.of(), null);
        long subscription = jdbc.sql("select s.id from subscription s join subscriber r on r.id = s.subscriber_id"
                + " where r.email_lookup = ?").param(subscribers().lookup("claims@editions.example")).query(Long.class)
                .single();
        jdbc.sql("update edition set status = 'SENDING' where id = ?").param(id).update();
        for (int i = 0; i < 40; i++) {
            subscriber("claim" + i + "@editions.example", "weekly-en", "UNSUBSCRIBED");
            jdbc.sql("""
                    insert into delivery (edition_id, subscription_id, status, claimed_until)
                    select ?, s.id, 'HELD', ? from subscription s join subscriber r on r.id = s.subscriber_id
                    where r.email_lookup = ?
                    """).params(id, Timestamp.from(Instant.now().plusSeconds(3600)),
                            subscribers().lookup("claim" + i + "@editions.example"))
                    .update();
        }
        String claim = "select id from delivery where edition_id = ? and status = 'HELD' order by id limit 15"
                + " for update skip locked";
        CompletableFuture<List<Long>> holder = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        Thread first = new Thread(() -> transactions.executeWithoutResult(tx -> {
            holder.complete(jdbc.sql(claim).param(id).query(Long.class).list());
            release.join();
        }));
        first.start();
        List<Long> a = holder.get();
        List<Long> b = transactions.execute(tx -> jdbc.sql(claim).param(id).query(Long.class).list());
        release.complete(null);
        first.join();
        Set<Long> overlap = new HashSet<>(a);
        overlap.retainAll(b);
        assertThat(a).hasSize(15);
        if (org.samizdat.support.TestDatabase.onPostgres()) {
            assertThat(b).as("PostgreSQL locks only the rows returned").hasSize(15);
        }
        assertThat(overlap).isEmpty();
        assertThat(a.size() + b.size()).isLessThanOrEqualTo(40);
        assertThat(subscription).isPositive();
        jdbc.sql("update delivery set status = 'SKIPPED' where edition_id = ?").param(id).update();
    }

    String status(long id) {
        return jdbc.sql("select status from edition where id = ?").param(id).query(String.class).single();
    }
}
