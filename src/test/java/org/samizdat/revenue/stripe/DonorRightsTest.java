package org.samizdat.revenue.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Donor;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditEntry;
import org.samizdat.staff.AuditLog;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A donor's rights from the self-service link in their receipt, with Stripe stubbed: a copy of their data, and
 * erasure that cancels the subscription at Stripe first and keeps the ledger's amounts. The link then says the data
 * is gone; tampered links are refused; nothing changes on a GET or from another site.
 */
@PaymentsAppTest
class DonorRightsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private StripeJourney journey;

    @BeforeEach
    void setUp() {
        journey = new StripeJourney(port, jdbc);
    }

    record Gift(UUID monthly, UUID once, String subscription, String manage, String email) {
    }

    /** A monthly Stripe gift and a one-time one by the same donor, both paid; the manage link from the receipt. */
    Gift gift() throws Exception {
        String email = "rights-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID monthly = journey.checkout("monthly", "15", "USD", email, "Ana Donor");
        String sub = StripeHooks.unique("sub");
        assertThat(journey.hooks.deliver(StripeJourney.subscriptionSession(monthly, 1500, sub, StripeHooks.unique("in")))
                .statusCode()).isEqualTo(200);
        UUID once = journey.checkout("once", "7", "USD", email, "");
        assertThat(journey.hooks.deliver(StripeJourney.session("checkout.session.completed", once, 700, "paid",
                StripeHooks.unique("pi"))).statusCode()).isEqualTo(200);
        String manage = null;
        for (var mail : TestMailServer.await(email, 2)) {
            String text = ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString();
            Matcher link = Pattern.compile("https?://[^/\\s]+(/support/manage/[A-Za-z0-9_.-]+)").matcher(text);
            if (link.find()) {
                manage = link.group(1);
            }
        }
        assertThat(manage).as("the monthly gift's receipt carries the link").isNotNull();
        return new Gift(monthly, once, sub, manage, email);
    }

    void stripeCancels(String subscription, int status) {
        ProviderStubs.server().stubFor(delete(urlEqualTo("/v1/subscriptions/" + subscription)).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(status == 200
                        ? ProviderStubs.fixture("stripe/subscription.json", Map.ofEntries(
                                Map.entry("subscription", subscription), Map.entry("amount", 1500),
                                Map.entry("currency", "usd"), Map.entry("customer", "cus_" + subscription),
                                Map.entry("interval", "month"), Map.entry("invoice", "in_x"),
                                Map.entry("donation", UUID.randomUUID()), Map.entry("status", "canceled"),
                                Map.entry("canceled_at", "1767000000"), Map.entry("period_end", 1767000000),
                                Map.entry("created", 1764230400)))
                        : "{\"error\":{\"message\":\"Something went wrong\",\"type\":\"api_error\"}}")));
    }

    Map<String, Object> supporterRow(UUID donation) {
        return jdbc.sql("""
                select s.email_sealed, s.email_lookup, s.name_sealed, s.erased_at from revenue_supporter s
                join revenue_donation d on d.supporter_id = s.id where d.id = ?
                """).param(donation).query().singleRow();
    }

    List<AuditEntry> audited(AuditAction action) {
        return audit.recent(100, 0).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void theDonorDownloadsTheirDataAsJson() throws Exception {
        Gift gift = gift();
        Donor donor = new Donor(port);
        HttpResponse<String> page = donor.get(gift.manage());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.body()).contains("Download my data", "Erase my data").doesNotContain(gift.email());

        assertThat(donor.post(gift.manage() + "/export", Map.of(), "Origin", "https://evil.example").statusCode())
                .as("another site cannot fetch the donor's data").isEqualTo(403);
        HttpResponse<String> export = donor.post(gift.manage() + "/export", Map.of());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        JsonNode data = JsonMapper.builder().build().readTree(export.body());
        assertThat(data.path("supporter").path("email").asString()).isEqualTo(gift.email());
        assertThat(data.path("supporter").path("name").asString()).isEqualTo("Ana Donor");
        assertThat(data.path("donations")).hasSize(2);
        assertThat(data.path("donations").findValuesAsString("id"))
                .containsExactlyInAnyOrder(gift.monthly().toString(), gift.once().toString());
        assertThat(data.path("donations").findValues("amount_minor")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrder(1500L, 700L);
        assertThat(data.path("plans")).hasSize(1);
        assertThat(data.path("plans").get(0).path("status").asString()).isEqualTo("ACTIVE");
        assertThat(audited(AuditAction.DONOR_DATA_EXPORTED).get(0).subject()).startsWith("supporter ")
                .doesNotContain(gift.email());
    }

    @Test
    void erasureCancelsAtStripeFirstThenRemovesTheAddressAndKeepsTheLedger() throws Exception {
        Gift gift = gift();
        Donor donor = new Donor(port);

        HttpResponse<String> confirm = donor.get(gift.manage() + "/erase");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(confirm.body()).contains("action=\"" + gift.manage() + "/erase\"");
        assertThat(supporterRow(gift.monthly()).get("erased_at")).as("a GET changes nothing").isNull();
        assertThat(donor.post(gift.manage() + "/erase", Map.of(), "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(donor.post(gift.manage() + "/erase", Map.of(), "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(supporterRow(gift.monthly()).get("erased_at")).isNull();

        stripeCancels(gift.subscription(), 500);
        HttpResponse<String> down = donor.post(gift.manage() + "/erase", Map.of());
        assertThat(down.statusCode()).as("Stripe down: nothing erased, try later").isEqualTo(503);
        assertThat(down.body()).contains("nothing was erased");
        assertThat(supporterRow(gift.monthly()).get("email_lookup")).isNotNull();
        assertThat(journey.planStatus(gift.monthly())).isEqualTo("ACTIVE");

        int triedWhileDown = ProviderStubs.server().findAll(deleteRequestedFor(urlEqualTo("/v1/subscriptions/"
                + gift.subscription()))).size();
        assertThat(triedWhileDown).isPositive();
        stripeCancels(gift.subscription(), 200);
        HttpResponse<String> erased = donor.post(gift.manage() + "/erase", Map.of());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(erased.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(erased.body()).contains("Your data is erased");
        ProviderStubs.server().verify(triedWhileDown + 1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/" + gift.subscription())));
        assertThat(journey.planStatus(gift.monthly())).isEqualTo("CANCELLED");

        Map<String, Object> row = supporterRow(gift.monthly());
        assertThat(row.get("email_sealed")).isNull();
        assertThat(row.get("email_lookup")).isNull();
        assertThat(row.get("name_sealed")).isNull();
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(supporterRow(gift.once()).get("erased_at")).as("one supporter, both gifts").isNotNull();
        assertThat(journey.statuses(gift.monthly(), "PAID")).isEqualTo(1);
        assertThat(journey.statuses(gift.once(), "PAID")).isEqualTo(1);
        assertThat(jdbc.sql("select sum(amount_minor) from revenue_donation where id in (?, ?)")
                .params(gift.monthly(), gift.once()).query(Long.class).single()).as("amounts kept").isEqualTo(2200L);
        assertThat(jdbc.sql("select plans_cancelled * 10 + donations_kept from revenue_erasure where plan_id = ?")
                .param(jdbc.sql("select id from revenue_plan where origin_donation_id = ?").param(gift.monthly())
                        .query(UUID.class).single()).query(Integer.class).single()).isEqualTo(12);
        AuditEntry entry = audited(AuditAction.DONOR_ERASED).get(0);
        assertThat(entry.actor()).isNull();
        assertThat(entry.subject()).contains("plans cancelled 1", "donations kept 2").doesNotContain(gift.email(), "Ana");

        for (HttpResponse<String> reused : List.of(donor.get(gift.manage()), donor.get(gift.manage() + "/erase"),
                donor.post(gift.manage() + "/export", Map.of()), donor.post(gift.manage() + "/erase", Map.of()),
                donor.post(gift.manage() + "/cancel", Map.of()))) {
            assertThat(reused.statusCode()).as("the used link").isEqualTo(410);
            assertThat(reused.body()).contains("erased at the donor").doesNotContain(gift.email());
        }
        assertThat(jdbc.sql("select count(*) from revenue_erasure where plan_id in (select id from revenue_plan"
                + " where origin_donation_id = ?)").param(gift.monthly()).query(Integer.class).single())
                .as("erased once").isEqualTo(1);
        assertThat(TestMailServer.to(gift.email())).hasSize(2);
    }

    @Test
    void tamperedAndUnknownLinksAreRefusedPlainly() throws Exception {
        Gift gift = gift();
        Donor donor = new Donor(port);
        String token = gift.manage().substring("/support/manage/".length());
        int dot = token.indexOf('.');
        String otherSignature = token.substring(0, dot + 1) + (token.charAt(dot + 1) == 'A' ? 'B' : 'A')
                + token.substring(dot + 2);
        for (String bad : List.of(otherSignature, "x" + token, token.substring(0, dot), "abc.def", "-")) {
            HttpResponse<String> page = donor.get("/support/manage/" + bad);
            assertThat(page.statusCode()).as(bad).isEqualTo(404);
            assertThat(page.body()).contains("This link is not valid or has expired");
            assertThat(donor.post("/support/manage/" + bad + "/erase", Map.of()).statusCode()).as(bad).isEqualTo(404);
            assertThat(donor.post("/support/manage/" + bad + "/export", Map.of()).statusCode()).as(bad).isEqualTo(404);
        }
        assertThat(supporterRow(gift.monthly()).get("erased_at")).isNull();
    }
}
