package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.shared.Language;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.Browser;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reader's whole newsletter life in headless Chromium: signs up on the site, confirms from the mail that reached
 * the SMTP server, receives an edition, and leaves through the edition's unsubscribe link; the next edition
 * passes them by.
 */
@MailAppTest
class NewsletterBrowserJourneyTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);
    static final String READER = "journey.reader@example.org";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    @Autowired
    StoryWorkflow workflow;

    @Test
    void signUpConfirmReceiveAnEditionAndUnsubscribe() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.watchForCspViolations();
            browser.driver().get("http://127.0.0.1:" + port + "/en/newsletter");
            WebElement field = browser.driver().findElement(By.id("nl-email-page"));
            field.sendKeys(READER);
            browser.toNextPage(field::submit);
            assertThat(status()).as("nothing is subscribed before the confirmation").isEqualTo("PENDING");

            MimeMessage confirmation = TestMailServer.await(READER, 1).get(0);
            browser.driver().get("http://127.0.0.1:" + port + Mails.link(confirmation, "/newsletter/confirm/"));
            assertThat(status()).as("opening the link, as a scanner would, confirms nothing").isEqualTo("PENDING");
            browser.toNextPage(() -> browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click());
            assertThat(status()).isEqualTo("ACTIVE");

            long story = story("Border crossings reopen for a day");
            long edition = editions.draft("weekly-en", "This week: the border", "Five minutes on the week",
                    "Hello from the newsroom.", List.of(story), null);
            assertThat(editions.sendNow(edition)).isPositive();
            MimeMessage mail = lastTo(READER, "This week: the border");
            assertThat(Mails.html(mail)).contains("Border crossings reopen for a day");

            browser.driver().get("http://127.0.0.1:" + port + Mails.link(mail, "/newsletter/unsubscribe/"));
            assertThat(status()).as("a GET of the unsubscribe link changes nothing").isEqualTo("ACTIVE");
            browser.toNextPage(() -> browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click());
            assertThat(status()).isEqualTo("UNSUBSCRIBED");
            assertThat(browser.violations()).as("CSP violations").isEmpty();
        }

        int before = TestMailServer.to(READER).size();
        long next = editions.draft("weekly-en", "Next week", "", "", List.of(), null);
        editions.sendNow(next);
        Thread.sleep(1_000);
        assertThat(TestMailServer.to(READER)).as("no edition after unsubscribing").hasSize(before);
    }

    private String status() {
        return jdbc.sql("""
                select s.status from subscription s join subscriber r on r.id = s.subscriber_id
                join newsletter n on n.id = s.newsletter_id where r.email_lookup = ? and n.code = 'weekly-en'
                """).param(personal.emailLookup(READER)).query(String.class).single();
    }

    private long story(String headline) {
        long id = workflow.save(new StoryDraft(null, Language.EN, null, headline, "Standfirst of " + headline, "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false),
                EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    private static MimeMessage lastTo(String address, String subject) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : TestMailServer.to(address)) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail '" + subject + "' reached " + address);
    }
}
