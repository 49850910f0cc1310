package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input, bots, forged forms, enumeration and stale links against the running site. */
@MailAppTest
class SignUpAbuseTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    Subscribers subscribers() {
        return new Subscribers(jdbc, personal);
    }

    int subscribers(String like) {
        return subscribers().count(like);
    }

    @Test
    void malformedOverlongAndInjectedAddressesAreRefusedWithNothingStoredOrSent() throws Exception {
        Reader reader = new Reader(port);
        for (String bad : new String[] {"not-an-address", "", "abuse@", "x".repeat(10_000) + "@abuse.example",
                "abuse1@abuse.example\r\nBcc: victim@abuse.example", "abuse2@abuse.example\nSubject: hi",
                "abuse3@abuse.example, victim@abuse.example"}) {
            HttpResponse<String> answer = reader.post("/en/newsletter", Reader.form("email", bad), "Origin", reader.origin());
            assertThat(answer.statusCode()).as(bad.length() > 80 ? "long" : bad).isEqualTo(400);
            assertThat(answer.body()).contains("does not look like an email address");
        }
        HttpResponse<String> missing = reader.post("/en/newsletter", Map.of(), "Origin", reader.origin());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(subscribers("%abuse.example%")).isZero();
        Thread.sleep(300);
        assertThat(TestMailServer.to("victim@abuse.example")).isEmpty();
    }

    @Test
    void aFilledHoneypotGetsTheUsualAnswerAndNothingElse() throws Exception {
        Reader reader = new Reader(port);
        HttpResponse<String> answer = reader.post("/en/newsletter",
                Reader.form("email", "bot@honeypot.example", "website", "http://spam.example"), "Origin", reader.origin());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Check your inbox");
        Thread.sleep(300);
        assertThat(subscribers("%honeypot.example")).isZero();
        assertThat(TestMailServer.to("bot@honeypot.example")).isEmpty();
    }

    @Test
    void formsFromOtherSitesOrWithoutProofOfOriginAreRefused() throws Exception {
        Reader reader = new Reader(port);
        Map<String, String> form = Reader.form("email", "forged@origin.example");
        assertThat(reader.post("/en/newsletter", form, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(reader.post("/en/newsletter", form, "Referer", "https://evil.example/x").statusCode()).isEqualTo(403);
        assertThat(reader.post("/en/newsletter", form, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(reader.post("/en/newsletter", form).statusCode()).isEqualTo(403);
        assertThat(reader.post("/en/newsletter", form, "Origin", reader.origin(), "Sec-Fetch-Site", "cross-site")
                .statusCode()).isEqualTo(403);
        assertThat(subscribers("%origin.example")).isZero();
        assertThat(reader.post("/en/newsletter", form, "Origin", "null", "Sec-Fetch-Site", "same-origin").statusCode())
                .isEqualTo(200);
        assertThat(subscribers("%origin.example")).isOne();
    }

    @Test
    void theAnswerIsTheSameForNewPendingAndSubscribedAddresses() throws Exception {
        Reader reader = new Reader(port);
        String email = "known@enumeration.example";
        String first = reader.signUp("en", email).body();
        TestMailServer.await(email, 1);
        jdbc.sql("update subscription set status = 'ACTIVE' where subscriber_id = (select id from subscriber where email_lookup = ?)")
                .param(subscribers().lookup(email)).update();
        HttpResponse<String> again = reader.signUp("en", "KNOWN@enumeration.example");
        HttpResponse<String> stranger = reader.signUp("en", "unknown@enumeration.example");
        assertThat(again.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(stranger.body()).isEqualTo(first);
        TestMailServer.await("unknown@enumeration.example", 1);
        Thread.sleep(300);
        assertThat(TestMailServer.to(email)).as("no mail to an already subscribed address").hasSize(1);
    }

    @Test
    void tooManySignUpsFromOneClientAreTurnedAway() throws Exception {
        Reader reader = new Reader(port);
        for (int i = 0; i < 10; i++) {
            assertThat(reader.signUp("en", "flood" + i + "@limits.example").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = reader.signUp("en", "flood10@limits.example");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(subscribers("flood10@limits.example")).isZero();
        assertThat(new Reader(port).signUp("en", "other@limits.example").statusCode()).isEqualTo(200);
    }

    @Test
    void oneAddressGetsAtMostThreeConfirmationMailsADay() throws Exception {
        String email = "inbox@flood.example";
        for (int i = 0; i < 5; i++) {
            assertThat(new Reader(port).signUp("en", email).statusCode()).isEqualTo(200);
        }
        TestMailServer.await(email, 3);
        Thread.sleep(500);
        assertThat(TestMailServer.to(email)).hasSize(3);
    }

    @Test
    void expiredForgedAndUnknownLinksDoNothing() throws Exception {
        Reader reader = new Reader(port);
        String email = "late@expiry.example";
        reader.signUp("en", email);
        String confirm = Mails.link(TestMailServer.await(email, 1).get(0), "/newsletter/confirm/");
        jdbc.sql("update subscriber_token set expires_at = ? where purpose = 'CONFIRM' and subscription_id = "
                + "(select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?)")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), subscribers().lookup(email)).update();
        assertThat(reader.get(confirm).statusCode()).isEqualTo(404);
        assertThat(reader.post(confirm, Map.of(), "Origin", reader.origin()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select status from subscription s join subscriber r on r.id = s.subscriber_id"
                + " where r.email_lookup = ?")
                .param(subscribers().lookup(email)).query(String.class).single()).isEqualTo("PENDING");

        String forged = "/newsletter/confirm/" + "A".repeat(43);
        assertThat(reader.get(forged).statusCode()).isEqualTo(404);
        assertThat(reader.post(forged, Map.of(), "Origin", reader.origin()).statusCode()).isEqualTo(404);
        assertThat(reader.get("/newsletter/unsubscribe/short").statusCode()).isEqualTo(404);
        assertThat(reader.post("/newsletter/unsubscribe/" + "B".repeat(43), Map.of()).statusCode()).isEqualTo(404);
        String confirmAsUnsubscribe = confirm.replace("/confirm/", "/unsubscribe/");
        assertThat(reader.post(confirmAsUnsubscribe, Map.of()).statusCode()).as("tokens have one purpose").isEqualTo(404);
    }
}
