package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.newsletter.internal.BounceReport;
import org.samizdat.newsletter.internal.Suppressions;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The subscriber desk through real HTTP: CSV import rules, line-numbered errors, the export and its audit. */
@AppTest
class SubscriberDeskTest {

    static final String SOURCE = "Imported from the old list; consent given on the 2024-05-01 sign-up form";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Suppressions suppressions;

    NewsroomClient signedIn(Role role) throws Exception {
        String username = NewsroomClient.unique("subs");
        staff.create(username, "Subscribers " + role, role, "subscriber desk 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "subscriber desk 123");
        client.get("/newsroom/newsletter/subscribers");
        return client;
    }

    HttpResponse<String> importFile(NewsroomClient client, String source, String csv) throws Exception {
        return client.postMultipart("/newsroom/newsletter/subscribers/import", Map.of("newsletter", "weekly-en",
                "source", source), "file", csv.getBytes(StandardCharsets.UTF_8));
    }

    String status(String email) {
        return jdbc.sql("""
                select s.status from subscription s join subscriber r on r.id = s.subscriber_id
                join newsletter n on n.id = s.newsletter_id where r.email_lookup = ? and n.code = 'weekly-en'""")
                .param(personal.emailLookup(email)).query(String.class).optional().orElse(null);
    }

    int audited(String action) {
        return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Integer.class).single();
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsImported() throws Exception {
        NewsroomClient editor = signedIn(Role.EDITOR);
        HttpResponse<String> refused = importFile(editor, SOURCE,
                "email\r\nfirst@lines.example\r\nnot-an-address\r\nsecond@lines.example\r\n,no address here\r\nthird@exa mple.com\r\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was imported", "Line 3:", "Line 5:", "Line 6:")
                .doesNotContain("Line 2:", "Line 4:");
        assertThat(status("first@lines.example")).isNull();

        HttpResponse<String> noSource = importFile(editor, "  ", "ok@lines.example\n");
        assertThat(noSource.statusCode()).isEqualTo(422);
        assertThat(status("ok@lines.example")).isNull();

        byte[] huge = "big@lines.example\n".repeat(300_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> tooLarge = editor.postMultipart("/newsroom/newsletter/subscribers/import",
                Map.of("newsletter", "weekly-en", "source", SOURCE), "file", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("larger than 5 MB");
        assertThat(status("big@lines.example")).isNull();
    }

    @Test
    void importNormalisesMergesRepeatsNeverReaddsSuppressedOrUnsubscribedAndRecordsConsent() throws Exception {
        Subscribers subscribers = new Subscribers(jdbc, personal);
        subscribers.add("left@import.example", "weekly-en", "UNSUBSCRIBED");
        suppressions.apply("generic", "desk-test-1",
                List.of(new BounceReport("bounced@import.example", BounceReport.Kind.HARD_BOUNCE, "5.1.1")));
        int importsBefore = audited("SUBSCRIBERS_IMPORTED");

        NewsroomClient editor = signedIn(Role.EDITOR);
        HttpResponse<String> done = importFile(editor, SOURCE, """
                name,email
                Ann,Ann@Import.EXAMPLE
                "Ann, again",ann@import.example
                Борис,boris@ПРИМЕР.рф
                Bounced,Bounced@import.example
                Left,left@import.example
                Dash,'-dash+news@import.example
                """);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Imported: 3 added, 1 already on the list, 1 suppressed and not added, 1 repeated");
        assertThat(status("ann@import.example")).isEqualTo("ACTIVE");
        assertThat(status("boris@xn--e1afmkfd.xn--p1ai")).isEqualTo("ACTIVE");
        assertThat(status("-dash+news@import.example")).isEqualTo("ACTIVE");
        assertThat(status("left@import.example")).as("an unsubscribed reader stays unsubscribed").isEqualTo("UNSUBSCRIBED");
        assertThat(status("bounced@import.example")).as("suppressed addresses are never added").isNull();
        assertThat(jdbc.sql("""
                select c.form || '|' || c.notice || '|' || case when c.confirmed_at is null then 'no' else 'yes' end
                from consent c join subscription s on s.id = c.subscription_id join subscriber r on r.id = s.subscriber_id
                where r.email_lookup = ?""").param(personal.emailLookup("ann@import.example")).query(String.class).single())
                .isEqualTo("import|" + SOURCE + "|yes");
        assertThat(audited("SUBSCRIBERS_IMPORTED")).isEqualTo(importsBefore + 1);

        String desk = editor.get("/newsroom/newsletter/subscribers").body();
        assertThat(desk).contains("Suppressed addresses", "Bounced: the address does not exist");
    }

    @Test
    void theExportIsAuditedAndSafeAgainstFormulasAndAuthorsCannotReachTheDesk() throws Exception {
        Subscribers subscribers = new Subscribers(jdbc, personal);
        subscribers.add("=cmd+1@export.example", "weekly-en", "ACTIVE");
        subscribers.add("plain@export.example", "weekly-en", "ACTIVE");
        int exportsBefore = audited("SUBSCRIBERS_EXPORTED");

        NewsroomClient editor = signedIn(Role.EDITOR);
        HttpResponse<String> csv = editor.get("/newsroom/newsletter/subscribers.csv?newsletter=weekly-en");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(csv.body()).startsWith("email,newsletter,status,confirmed_at,unsubscribed_at,consent_form,suppressed\r\n")
                .contains("\r\n'=cmd+1@export.example,weekly-en,ACTIVE,").contains("\r\nplain@export.example,weekly-en,ACTIVE,")
                .doesNotContain("\r\n=cmd");
        assertThat(audited("SUBSCRIBERS_EXPORTED")).isEqualTo(exportsBefore + 1);

        NewsroomClient author = signedIn(Role.AUTHOR);
        assertThat(author.get("/newsroom/newsletter/subscribers.csv").statusCode()).isEqualTo(403);
        assertThat(author.get("/newsroom/newsletter/subscribers").statusCode()).isEqualTo(403);
        assertThat(audited("SUBSCRIBERS_EXPORTED")).isEqualTo(exportsBefore + 1);
    }
}
