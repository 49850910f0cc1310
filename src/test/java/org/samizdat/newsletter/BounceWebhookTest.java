package org.samizdat.newsletter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samizdat.newsletter.internal.Editions;
import org.samizdat.newsletter.internal.GenericWebhook;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bounce and complaint webhooks through real HTTP: SES notifications signed like Amazon SNS with a certificate served
 * from WireMock on 127.0.0.1, and the generic HMAC webhook. Each refusal is checked to change nothing.
 */
@AppTest
class BounceWebhookTest {

    static final String SECRET = "generic-bounce-secret";
    static final WireMockServer SNS = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static SnsSigner signer;

    static {
        SNS.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("samizdat.newsletter.bounces.sns-url-pattern", () -> "http://127\\.0\\.0\\.1:" + SNS.port() + "/.*");
        registry.add("samizdat.newsletter.bounces.generic-secret", () -> SECRET);
        registry.add("samizdat.newsletter.bounces.soft-limit", () -> "3");
    }

    @BeforeAll
    static void certificate() throws Exception {
        signer = new SnsSigner();
        SNS.stubFor(get(urlPathEqualTo("/SimpleNotificationService-test.pem"))
                .willReturn(aResponse().withStatus(200).withBody(signer.pem())));
        SNS.stubFor(get(urlPathEqualTo("/confirm")).willReturn(aResponse().withStatus(200).withBody("<ConfirmSubscriptionResponse/>")));
    }

    @AfterAll
    static void stop() {
        SNS.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    final HttpClient http = HttpClient.newHttpClient();

    String certUrl() {
        return "http://127.0.0.1:" + SNS.port() + "/SimpleNotificationService-test.pem";
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ses(String body) throws Exception {
        return post("/newsletter/webhooks/ses", body.getBytes(StandardCharsets.UTF_8), "x-amz-sns-message-type", "Notification");
    }

    boolean suppressed(String email) {
        return jdbc.sql("select count(*) from suppression where email_lookup = ?").param(personal.emailLookup(email))
                .query(Integer.class).single() == 1;
    }

    int suppressions() {
        return jdbc.sql("select count(*) from suppression").query(Integer.class).single();
    }

    @Test
    void hardBounceSuppressesAtOnceAndTheNextEditionSkipsTheAddress() throws Exception {
        Subscribers subscribers = new Subscribers(jdbc, personal);
        subscribers.add("gone@hard.example", "weekly-ru", "ACTIVE");
        subscribers.add("fine@hard.example", "weekly-ru", "ACTIVE");

        HttpResponse<String> response = ses(signer.notification(SnsSigner.bounce("Permanent", "5.1.1", "Gone@HARD.example"),
                certUrl(), "1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(suppressed("gone@hard.example")).isTrue();
        assertThat(suppressed("fine@hard.example")).isFalse();
        assertThat(jdbc.sql("select reason || ' ' || source || ' ' || detail from suppression where email_lookup = ?")
                .param(personal.emailLookup("gone@hard.example")).query(String.class).single())
                .isEqualTo("HARD_BOUNCE ses 5.1.1");
        assertThat(jdbc.sql("select count(*) from suppression where detail like '%@%' or email_lookup like '%@%'")
                .query(Integer.class).single()).as("no address stored in clear").isZero();

        long edition = editions.draft("weekly-ru", "After the bounce", "", "", List.of(), null);
        editions.sendNow(edition);
        assertThat(jdbc.sql("""
                select count(*) from delivery d join subscription s on s.id = d.subscription_id
                join subscriber r on r.id = s.subscriber_id where d.edition_id = ? and r.email_lookup = ?""")
                .params(edition, personal.emailLookup("gone@hard.example")).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from delivery d join subscription s on s.id = d.subscription_id
                join subscriber r on r.id = s.subscriber_id where d.edition_id = ? and r.email_lookup = ?""")
                .params(edition, personal.emailLookup("fine@hard.example")).query(Integer.class).single()).isOne();
    }

    @Test
    void complaintSignedWithVersionTwoSuppressesAndARedeliveryChangesNothing() throws Exception {
        String body = signer.notification(SnsSigner.complaint("angry@complaint.example"), certUrl(), "2");
        assertThat(ses(body).body()).isEqualTo("handled\n");
        assertThat(suppressed("angry@complaint.example")).isTrue();
        assertThat(ses(body).body()).isEqualTo("duplicate\n");
        SNS.verify(1, getRequestedFor(urlPathEqualTo("/SimpleNotificationService-test.pem")));
    }

    @Test
    void softBouncesSuppressOnlyAfterTheLimitAndRedeliveriesDoNotCount() throws Exception {
        String first = signer.notification(SnsSigner.bounce("Transient", "4.2.2", "full@soft.example"), certUrl(), "1");
        assertThat(ses(first).statusCode()).isEqualTo(200);
        assertThat(ses(first).body()).isEqualTo("duplicate\n");
        assertThat(ses(signer.notification(SnsSigner.bounce("Transient", "4.2.2", "full@soft.example"), certUrl(), "1"))
                .statusCode()).isEqualTo(200);
        assertThat(suppressed("full@soft.example")).as("two soft bounces").isFalse();
        ses(signer.notification(SnsSigner.bounce("Transient", "4.2.2", "full@soft.example"), certUrl(), "2"));
        assertThat(suppressed("full@soft.example")).as("the third").isTrue();
    }

    @Test
    void badSignaturesForeignCertificatesOversizedAndMalformedBodiesAreRefusedAndChangeNothing() throws Exception {
        int before = suppressions();
        String good = signer.notification(SnsSigner.bounce("Permanent", "5.1.1", "victim@refused.example"), certUrl(), "1");

        String tampered = good.replace("victim@refused.example", "other@refused.example");
        assertThat(ses(tampered).statusCode()).isEqualTo(403);

        String foreign = signer.notification(SnsSigner.bounce("Permanent", "5.1.1", "victim@refused.example"),
                "https://evil.example/SimpleNotificationService-test.pem", "1");
        HttpResponse<String> refused = ses(foreign);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("cert-url-refused\n");
        String lookalike = signer.notification(SnsSigner.bounce("Permanent", "5.1.1", "victim@refused.example"),
                "http://127.0.0.1:" + SNS.port() + ".evil.example/x.pem", "1");
        assertThat(ses(lookalike).statusCode()).isEqualTo(403);

        String unknownVersion = good.replace("\"SignatureVersion\":\"1\"", "\"SignatureVersion\":\"3\"");
        assertThat(ses(unknownVersion).statusCode()).isEqualTo(403);

        assertThat(ses("{\"Type\":\"Notification\",").statusCode()).isEqualTo(400);
        assertThat(ses("[1,2,3]").statusCode()).isEqualTo(400);
        assertThat(ses(signer.notification("not json inside", certUrl(), "1")).statusCode()).isEqualTo(400);

        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(post("/newsletter/webhooks/ses", huge).statusCode()).isEqualTo(413);

        assertThat(suppressions()).isEqualTo(before);
        assertThat(suppressed("victim@refused.example")).isFalse();
    }

    @Test
    void subscriptionConfirmationFetchesOnlyAnAllowedSubscribeUrl() throws Exception {
        String allowed = "http://127.0.0.1:" + SNS.port() + "/confirm?Action=ConfirmSubscription&Token=2336412f";
        HttpResponse<String> confirmed = post("/newsletter/webhooks/ses",
                signer.confirmation(allowed, certUrl()).getBytes(StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        SNS.verify(1, getRequestedFor(urlPathEqualTo("/confirm")));

        HttpResponse<String> foreign = post("/newsletter/webhooks/ses",
                signer.confirmation("https://evil.example/confirm?Token=1", certUrl()).getBytes(StandardCharsets.UTF_8));
        assertThat(foreign.statusCode()).isEqualTo(400);
        SNS.verify(1, getRequestedFor(urlPathEqualTo("/confirm")));
    }

    @Test
    void genericWebhookNeedsAFreshValidSignature() throws Exception {
        byte[] body = """
                {"id":"evt-1001","events":[{"type":"complaint","email":"generic@hooks.example"},
                {"type":"hard_bounce","email":"hard@hooks.example","detail":"5.1.1"}]}""".getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        int before = suppressions();

        assertThat(generic(body, now - 3600, SECRET).statusCode()).as("an old timestamp: replay").isEqualTo(403);
        assertThat(generic(body, now, "wrong-secret").statusCode()).isEqualTo(403);
        assertThat(post("/newsletter/webhooks/bounces", body).statusCode()).isEqualTo(400);
        assertThat(generic("{\"id\":\"x\",\"events\":[{\"type\":\"other\",\"email\":\"a@b.example\"}]}"
                .getBytes(StandardCharsets.UTF_8), now, SECRET).statusCode()).isEqualTo(400);
        assertThat(suppressions()).isEqualTo(before);

        assertThat(generic(body, now, SECRET).body()).isEqualTo("handled\n");
        assertThat(suppressed("generic@hooks.example")).isTrue();
        assertThat(suppressed("hard@hooks.example")).isTrue();
        assertThat(generic(body, now, SECRET).body()).isEqualTo("duplicate\n");
    }

    HttpResponse<String> generic(byte[] body, long timestamp, String secret) throws Exception {
        String signature = "v1=" + HexFormat.of().formatHex(GenericWebhook.sign(secret, Long.toString(timestamp), body));
        return post("/newsletter/webhooks/bounces", body, "X-Samizdat-Timestamp", Long.toString(timestamp),
                "X-Samizdat-Signature", signature);
    }
}
