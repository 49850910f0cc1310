package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up to unsubscribe over real HTTP, with the mails caught by a real SMTP server. */
@MailAppTest
class SignUpJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    Subscribers subscribers() {
        return new Subscribers(jdbc, personal);
    }

    String status(String email) {
        return jdbc.sql("select s.status from subscription s join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?")
                .param(subscribers().lookup(email)).query(String.class).single();
    }

    @Test
    void everyPublicPageCarriesTheSignUpFormAndNoCookie() throws Exception {
        Reader reader = new Reader(port);
        for (String path : new String[] {"/en", "/ru", "/en/privacy", "/en/newsletter"}) {
            HttpResponse<String> page = reader.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("footer form[method=post][action$=/newsletter] input[type=email][name=email]"))
                    .as(path).hasSize(1);
            assertThat(html.select("footer form input[name=website]").parents().select("[hidden]")).isNotEmpty();
        }
        Document page = Jsoup.parse(reader.get("/ru/newsletter").body());
        assertThat(page.select("main form a[href^=/ru/privacy/v]").attr("href")).isEqualTo("/ru/privacy/v1");
        assertThat(page.select("main form input[name=policy]").val()).isEqualTo("1");
        assertThat(page.select("main form").text()).contains("Политикой конфиденциальности");
    }

    @Test
    void doubleOptInThenOneClickUnsubscribe() throws Exception {
        Reader reader = new Reader(port);
        String email = "journey@example.org";
        HttpResponse<String> answer = reader.post("/en/newsletter",
                Reader.form("email", "Journey@Example.org", "form", "page", "policy", "1"), "Origin", reader.origin());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(answer.body()).contains("Check your inbox").doesNotContain("journey@");
        assertThat(status(email)).isEqualTo("PENDING");

        MimeMessage confirmation = TestMailServer.await(email, 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to The Weekly");
        assertThat(Mails.size(confirmation)).isLessThan(100_000);
        assertThat(Mails.html(confirmation)).doesNotContain("<img").doesNotContain("<script");
        String confirm = Mails.link(confirmation, "/newsletter/confirm/");
        assertThat(Mails.html(confirmation)).contains(confirm);

        HttpResponse<String> confirmPage = reader.get(confirm);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(confirmPage.body()).select("main form[method=post]").attr("action")).isEqualTo(confirm);
        assertThat(confirmPage.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(reader.get(confirm).statusCode()).isEqualTo(200);
        assertThat(status(email)).as("a GET changes nothing").isEqualTo("PENDING");

        HttpResponse<String> confirmed = reader.post(confirm, Map.of(), "Origin", "null", "Sec-Fetch-Site", "same-origin");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");
        assertThat(status(email)).isEqualTo("ACTIVE");
        assertThat(reader.post(confirm, Map.of(), "Origin", reader.origin()).statusCode()).as("replayed").isEqualTo(404);

        Map<String, Object> consent = jdbc.sql("select c.* from consent c join subscription s on s.id = c.subscription_id"
                + " join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?")
                .param(subscribers().lookup(email)).query().singleRow();
        assertThat(consent.get("form")).isEqualTo("page");
        assertThat(consent.get("policy_version")).isEqualTo(1);
        assertThat(consent.get("policy_language")).isEqualTo("en");
        assertThat(consent.get("notice")).isEqualTo("By signing up you agree to our Privacy Policy.");
        assertThat((String) consent.get("client_hmac")).matches("[0-9a-f]{64}");
        assertThat(consent.get("requested_at")).isNotNull();
        assertThat(consent.get("confirmed_at")).isNotNull();
        assertThat(consent.get("withdrawn_at")).isNull();
        assertThat(jdbc.sql("select count(*) from subscriber_token where token_hash = ?")
                .param(confirm.substring(confirm.lastIndexOf('/') + 1)).query(Integer.class).single())
                .as("tokens are stored only as hashes").isZero();

        MimeMessage welcome = TestMailServer.await(email, 2).get(1);
        String listUnsubscribe = jakarta.mail.internet.MimeUtility.unfold(welcome.getHeader("List-Unsubscribe")[0]);
        assertThat(listUnsubscribe).matches("<https?://[^>]+/newsletter/unsubscribe/[A-Za-z0-9_-]{43}>, <mailto:[^>]+>");
        assertThat(welcome.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        String unsubscribe = Mails.link(welcome, "/newsletter/unsubscribe/");
        assertThat(listUnsubscribe).contains(unsubscribe);

        HttpResponse<String> unsubscribePage = reader.get(unsubscribe);
        assertThat(unsubscribePage.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(unsubscribePage.body()).select("main form[method=post] button")).hasSize(1);
        assertThat(status(email)).as("a GET changes nothing").isEqualTo("ACTIVE");

        HttpResponse<String> oneClick = reader.post(unsubscribe, Reader.form("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
        Map<String, Object> withdrawn = jdbc.sql("select withdrawn_at, withdrawn_via from consent where id = ?")
                .param(consent.get("id")).query().singleRow();
        assertThat(withdrawn.get("withdrawn_at")).isNotNull();
        assertThat(withdrawn.get("withdrawn_via")).isEqualTo("one-click");
        assertThat(reader.post(unsubscribe, Reader.form("List-Unsubscribe", "One-Click")).statusCode())
                .as("repeated").isEqualTo(200);
        assertThat(reader.post(unsubscribe, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void russianMailsHaveEncodedCyrillicSubjects() throws Exception {
        Reader reader = new Reader(port);
        String email = "chitatel@example.org";
        assertThat(reader.signUp("ru", email).body()).contains("Проверьте почту");
        MimeMessage confirmation = TestMailServer.await(email, 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Подтвердите подписку на рассылку «Еженедельная рассылка»");
        assertThat(confirmation.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(Mails.text(confirmation)).contains("Подтвердить подписку");
        HttpResponse<String> page = reader.get(Mails.link(confirmation, "/newsletter/confirm/"));
        assertThat(page.body()).contains("lang=\"ru\"").contains("Подтвердите подписку");
    }
}
