package org.samizdat.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every kind of bad checkout gets the form back with what was typed and a readable message, and stores nothing. */
@MailAppTest
class CheckoutValidationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    int donations() {
        return jdbc.sql("select count(*) from revenue_donation").query(Integer.class).single();
    }

    Document refused(String field, String expected, String... pairs) throws Exception {
        int before = donations();
        HttpResponse<String> answer = new Donor(port).checkout(pairs);
        assertThat(answer.statusCode()).as(String.join(" ", pairs)).isEqualTo(422);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select(".field-error").text()).as(String.join(" ", pairs)).contains(expected);
        assertThat(donations()).isEqualTo(before);
        return page;
    }

    @Test
    void badAmountsEachGetTheirOwnAnswer() throws Exception {
        refused("amount", "Enter an amount.", "frequency", "once", "amount", "", "currency", "USD", "method", "test",
                "lang", "en");
        refused("amount", "The amount must be more than zero.", "frequency", "once", "amount", "0", "currency", "USD",
                "method", "test", "lang", "en");
        refused("amount", "The amount must be more than zero.", "frequency", "once", "amount", "-5", "currency", "USD",
                "method", "test", "lang", "en");
        refused("amount", "The largest amount we can accept is $10,000.", "frequency", "once", "amount",
                "99999999999", "currency", "USD", "method", "test", "lang", "en");
        refused("amount", "Enter the amount as a number", "frequency", "once", "amount", "ten", "currency", "USD",
                "method", "test", "lang", "en");
        refused("amount", "does not have that many decimal places", "frequency", "once", "amount", "10.555",
                "currency", "USD", "method", "test", "lang", "en");
        refused("amount", "The smallest amount we can accept is $1.", "frequency", "once", "amount", "0.50",
                "currency", "USD", "method", "test", "lang", "en");
        Document ru = refused("amount", "Сумма должна быть больше нуля.", "frequency", "monthly", "amount", "-1",
                "currency", "EUR", "method", "test", "lang", "ru");
        assertThat(ru.select("input[name=frequency][value=monthly]").hasAttr("checked")).isTrue();
        assertThat(ru.select("input[name=custom]").val()).isEqualTo("-1");
        assertThat(ru.select("select[name=currency] option[selected]").val()).isEqualTo("EUR");
    }

    @Test
    void unsupportedCurrencyFrequencyAndMethodAreNamed() throws Exception {
        refused("currency", "Choose one of the currencies offered.", "frequency", "once", "amount", "10", "currency",
                "XYZ", "method", "test", "lang", "en");
        refused("currency", "Choose one of the currencies offered.", "frequency", "once", "amount", "10", "currency",
                "JPY", "method", "test", "lang", "en");
        refused("frequency", "Choose once, monthly or annual.", "frequency", "weekly", "amount", "10", "currency",
                "USD", "method", "test", "lang", "en");
        refused("method", "Choose one of the payment methods offered.", "frequency", "once", "amount", "10",
                "currency", "USD", "method", "paypal", "lang", "en");
        refused("method", "Choose one of the payment methods offered.", "frequency", "once", "amount", "10",
                "currency", "USD", "method", "stripe", "lang", "en");
        Document page = refused("email", "This does not look like an email address.", "frequency", "once", "amount",
                "10", "currency", "USD", "method", "test", "email", "not an address", "lang", "en");
        assertThat(page.select("input[name=email]").val()).isEqualTo("not an address");
    }

    @Test
    void aCheckoutFromAnotherSiteIsRefusedAndAFloodIsLimited() throws Exception {
        Donor donor = new Donor(port);
        int before = donations();
        HttpResponse<String> crossSite = donor.post("/support/checkout", Donor.form("frequency", "once", "amount", "10",
                "currency", "USD", "method", "test", "lang", "en"), "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(donations()).isEqualTo(before);
        int last = 0;
        for (int i = 0; i < 25 && last != 429; i++) {
            last = donor.checkout("frequency", "once", "amount", "10", "currency", "USD", "method", "test", "lang", "en")
                    .statusCode();
        }
        assertThat(last).isEqualTo(429);
        assertThat(donations()).isEqualTo(before + 20);
    }

    @Test
    void anUnknownOrInvalidAskIsDroppedNotRefused() throws Exception {
        HttpResponse<String> answer = new Donor(port).checkout("frequency", "once", "amount", "10", "currency", "USD",
                "method", "test", "lang", "en", "ask", "<script>");
        assertThat(answer.statusCode()).isEqualTo(302);
        String id = Donor.location(answer).substring("/support/test-checkout/".length());
        assertThat(jdbc.sql("select count(*) from revenue_donation where id = ? and ask is null")
                .param(java.util.UUID.fromString(id)).query(Integer.class).single()).isEqualTo(1);
    }
}
