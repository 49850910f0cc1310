package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.samizdat.support.Browser;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.PageQuality;
import org.samizdat.support.TestMailServer;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages a reader reaches from the newsletter's mails, in a real browser through {@link PageQuality}: the
 * confirmation page with its button, the confirmed page and the unsubscribe page, in the reader's language.
 */
@MailAppTest
class NewsletterPagesQualityTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void pagesFromTheMailsPassEveryCheck(String lang) throws Exception {
        String email = "quality-pages-" + lang + "@example.org";
        try (Browser browser = Browser.start()) {
            browser.watchForCspViolations();
            PageQuality quality = new PageQuality(browser, "http://127.0.0.1:" + port);
            assertThat(quality.check("/" + lang + "/newsletter", lang)).isEmpty();
            browser.driver().findElement(By.id("nl-email-page")).sendKeys(email);
            browser.toNextPage(browser.driver().findElement(By.id("nl-email-page"))::submit);

            List<MimeMessage> confirmation = TestMailServer.await(email, 1);
            assertThat(quality.check(Mails.link(confirmation.get(0), "/newsletter/confirm/"), lang))
                    .as("confirmation page").isEmpty();
            browser.toNextPage(() -> browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click());
            assertThat(quality.recheck(lang)).as("confirmed page").isEmpty();

            MimeMessage welcome = TestMailServer.await(email, 2).get(1);
            assertThat(quality.check(Mails.link(welcome, "/newsletter/preferences/"), lang))
                    .as("preference page").isEmpty();
            assertThat(quality.check(Mails.link(welcome, "/newsletter/unsubscribe/"), lang))
                    .as("unsubscribe page").isEmpty();
        }
    }
}
