package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.samizdat.revenue.Donor;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A reader's crypto checkout over real HTTP, BTCPay's deliveries about it, and what the ledger shows. */
final class BtcpayJourney {

    static final String INVOICES = "/api/v1/stores/" + ProviderStubs.BTCPAY_STORE + "/invoices";
    private static final Pattern ORDER = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    final BtcpayHooks hooks;
    private final int port;
    private final JdbcClient jdbc;

    BtcpayJourney(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
        this.hooks = new BtcpayHooks(port);
    }

    /** Makes the stand-in server create {@code invoice} for the next invoice request, whatever its order id. */
    static void nextInvoiceIs(String invoice, String amount, String currency) {
        ProviderStubs.server().stubFor(get(urlPathEqualTo(INVOICES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        ProviderStubs.server().stubFor(post(urlEqualTo(INVOICES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody(BtcpayHooks.invoiceJson(invoice, "{{jsonPath request.body '$.metadata.orderId'}}", amount,
                        currency, "New", "None"))));
    }

    /** Starts a crypto checkout on our support form; returns the donation id BTCPay was given. */
    UUID checkout(String frequency, String amount, String currency, String invoice, String email) throws Exception {
        nextInvoiceIs(invoice, amount, currency);
        HttpResponse<String> response = new Donor(port).checkout("frequency", frequency, "amount", amount,
                "currency", currency, "method", "btcpay", "email", email, "lang", "en");
        assertThat(response.statusCode()).as(response.body()).isBetween(302, 303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo(ProviderStubs.baseUrl() + "/i/" + invoice);
        return UUID.fromString(lastOrderId());
    }

    /** The order id of the newest invoice BTCPay was asked to create. */
    static String lastOrderId() {
        for (ServeEvent event : ProviderStubs.server().getAllServeEvents()) {
            if (event.getRequest().getUrl().equals(INVOICES) && event.getRequest().getMethod().getName().equals("POST")) {
                Matcher m = ORDER.matcher(event.getRequest().getBodyAsString());
                assertThat(m.find()).isTrue();
                return m.group(1);
            }
        }
        throw new AssertionError("BTCPay was asked for no invoice");
    }

    /** Delivers a first delivery (its own original) and returns the body text. */
    String deliver(String fixture, String invoice, UUID donation, Map<String, ?> extra) {
        String id = BtcpayHooks.unique("Dlv");
        return deliverAs(fixture, id, id, invoice, donation, extra);
    }

    String deliverAs(String fixture, String delivery, String original, String invoice, UUID donation, Map<String, ?> extra) {
        HttpResponse<String> response = hooks.deliver(BtcpayHooks.delivery(fixture, delivery, original, invoice,
                donation.toString(), extra));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().trim();
    }

    long statuses(UUID donation, String status) {
        return jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status = ?")
                .params(donation, status).query(Long.class).single();
    }

    String failure(UUID donation) {
        return jdbc.sql("select note from revenue_donation_status where donation_id = ? and status = 'FAILED'")
                .param(donation).query(String.class).single();
    }
}
