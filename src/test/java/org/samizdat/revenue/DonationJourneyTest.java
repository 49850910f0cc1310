package org.samizdat.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test-mode journey over real HTTP: support page, checkout, simulated checkout, signed webhook, ledger,
 * thank-you page, receipt by SMTP with a self-service link, and cancelling through that link.
 */
@MailAppTest
class DonationJourneyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    int paidRows(UUID donation) {
        return jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status = 'PAID'")
                .param(donation).query(Integer.class).single();
    }

    String planStatus(UUID donation) {
        return jdbc.sql("""
                select c.status from revenue_plan p join revenue_plan_change c on c.plan_id = p.id
                where p.origin_donation_id = ? order by c.id desc limit 1
                """).param(donation).query(String.class).single();
    }

    @Test
    void theSupportPageWorksWithoutJavaScriptAndIsCacheable() throws Exception {
        Donor donor = new Donor(port);
        for (String path : new String[] {"/support", "/en/support", "/ru/support", "/en/support?frequency=monthly"}) {
            HttpResponse<String> page = donor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie")).as(path).isEmpty();
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path).startsWith("public");
            Document html = Jsoup.parse(page.body());
            assertThat(html.select("form[method=post][action=/support/checkout] input[name=frequency]")).hasSize(3);
            assertThat(html.select("form input[name=amount]")).isNotEmpty();
            assertThat(html.select("form input[name=method][value=test]")).hasSize(1);
            assertThat(html.select("form select[name=currency] option")).extracting(e -> e.val()).contains("USD", "EUR");
        }
        assertThat(donor.get("/ru/support").body()).contains("Ежемесячно");
        assertThat(Jsoup.parse(donor.get("/en/support?ask=banner-a").body()).select("form input[name=ask]").val())
                .isEqualTo("banner-a");
        assertThat(Jsoup.parse(donor.get("/en/support?ask=%3Cb%3E").body()).select("form input[name=ask]")).isEmpty();
    }

    @Test
    void monthlyGiftFromCheckoutToCancellationThroughTheReceiptLink() throws Exception {
        Donor donor = new Donor(port);
        String email = "monthly-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> started = donor.checkout("frequency", "monthly", "amount", "12.50", "currency", "USD",
                "method", "test", "email", email, "lang", "en", "ask", "banner-b");
        assertThat(started.statusCode()).isEqualTo(302);
        String checkoutPage = Donor.location(started);
        assertThat(checkoutPage).startsWith("/support/test-checkout/");
        UUID donation = UUID.fromString(checkoutPage.substring("/support/test-checkout/".length()));
        assertThat(jdbc.sql("select ask from revenue_donation where id = ?").param(donation).query(String.class).single())
                .isEqualTo("banner-b");

        HttpResponse<String> simulated = donor.get(checkoutPage);
        assertThat(simulated.statusCode()).isEqualTo(200);
        assertThat(simulated.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(simulated.body()).contains("Test mode.").contains("$12.50").doesNotContain(email);
        assertThat(paidRows(donation)).isZero();

        HttpResponse<String> paid = donor.post(checkoutPage, Donor.form("outcome", "pay"));
        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(Donor.location(paid)).isEqualTo("/support/thanks/" + donation);
        assertThat(paidRows(donation)).isEqualTo(1);
        assertThat(planStatus(donation)).isEqualTo("ACTIVE");

        HttpResponse<String> thanks = donor.get("/support/thanks/" + donation);
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(Jsoup.parse(thanks.body()).select("[data-donated]").attr("data-donated")).isEqualTo("monthly");

        assertThat(donor.post(checkoutPage, Donor.form("outcome", "pay")).statusCode()).as("paying twice").isEqualTo(302);
        assertThat(paidRows(donation)).isEqualTo(1);

        MimeMessage receipt = TestMailServer.await(email, 1).get(0);
        assertThat(receipt.getSubject()).isEqualTo("Your receipt from The Samizdat Review");
        String text = ((MimeMultipart) receipt.getContent()).getBodyPart(0).getContent().toString();
        assertThat(text).contains("monthly payment of $12.50").contains(donation.toString());
        Matcher link = Pattern.compile("https?://[^/\\s]+(/support/manage/[A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        String manage = link.group(1);
        assertThat(manage).doesNotContain("example.org");

        HttpResponse<String> managePage = donor.get(manage);
        assertThat(managePage.statusCode()).isEqualTo(200);
        assertThat(managePage.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(managePage.body()).contains("$12.50").doesNotContain(email);

        HttpResponse<String> changed = donor.post(manage + "/amount", Donor.form("amount", "20"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("$20");
        assertThat(donor.post(manage + "/amount", Donor.form("amount", "-3")).statusCode()).isEqualTo(422);
        assertThat(donor.post(manage + "/cancel", Map.of(), "Origin", "https://evil.example").statusCode())
                .as("cross-site cancel").isEqualTo(403);
        assertThat(planStatus(donation)).isEqualTo("ACTIVE");

        HttpResponse<String> cancelled = donor.post(manage + "/cancel", Map.of());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).contains("Your recurring gift is cancelled");
        assertThat(planStatus(donation)).isEqualTo("CANCELLED");
        assertThat(donor.post(manage + "/cancel", Map.of()).statusCode()).as("cancelling again").isEqualTo(200);
        assertThat(jdbc.sql("""
                select count(*) from revenue_plan_change c join revenue_plan p on p.id = c.plan_id
                where p.origin_donation_id = ? and c.status = 'CANCELLED'
                """).param(donation).query(Integer.class).single()).isEqualTo(1);

        assertThat(donor.get("/support/manage/" + manage.substring(16, 30) + "x.00").statusCode()).isEqualTo(404);
    }

    @Test
    void aFailedSimulatedPaymentCreditsNothing() throws Exception {
        Donor donor = new Donor(port);
        String checkoutPage = Donor.location(donor.checkout("frequency", "once", "amount", "7", "currency", "EUR",
                "method", "test", "lang", "ru"));
        UUID donation = UUID.fromString(checkoutPage.substring("/support/test-checkout/".length()));
        HttpResponse<String> failed = donor.post(checkoutPage, Donor.form("outcome", "fail"));
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("Платёж не прошёл");
        assertThat(paidRows(donation)).isZero();
        assertThat(jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status = 'FAILED'")
                .param(donation).query(Integer.class).single()).isEqualTo(1);
        assertThat(Jsoup.parse(donor.get("/support/thanks/" + donation).body()).select("[data-donated]")).isEmpty();
    }

    @Test
    void aGiftWithTheAddressGivenOnlyAtTheSimulatedCheckoutStillGetsAReceipt() throws Exception {
        Donor donor = new Donor(port);
        String email = "later-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String checkoutPage = Donor.location(donor.checkout("frequency", "once", "amount", "5", "currency", "USD",
                "method", "test", "lang", "en"));
        assertThat(Jsoup.parse(donor.get(checkoutPage).body()).select("form[action^=/support/test-checkout] input[name=email]")).hasSize(1);
        donor.post(checkoutPage, Donor.form("outcome", "pay", "email", email));
        MimeMessage receipt = TestMailServer.await(email, 1).get(0);
        String text = ((MimeMultipart) receipt.getContent()).getBodyPart(0).getContent().toString();
        assertThat(text).contains("payment of $5").doesNotContain("/support/manage/");
        assertThat(jdbc.sql("select count(*) from revenue_supporter where email_sealed like ?").param("%" + email + "%")
                .query(Integer.class).single()).as("the address is sealed at rest").isZero();
    }
}
