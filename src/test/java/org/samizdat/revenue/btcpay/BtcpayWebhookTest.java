package org.samizdat.revenue.btcpay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** BTCPay deliveries about real crypto checkouts: the re-fetched invoice decides, and nothing counts twice. */
@PaymentsAppTest
class BtcpayWebhookTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private BtcpayJourney journey;

    @BeforeEach
    void setUp() {
        journey = new BtcpayJourney(port, jdbc);
    }

    @Test
    void settledIsCreditedOnceAndRedeliveriesChangeNothing() throws Exception {
        String invoice = BtcpayHooks.unique("Inv");
        UUID donation = journey.checkout("once", "20", "EUR", invoice, "crypto-once@example.org");
        BtcpayHooks.invoiceIs(invoice, donation.toString(), "20.00", "EUR", "Settled", "None");

        String first = BtcpayHooks.unique("Dlv");
        assertThat(journey.deliverAs("webhook-settled", first, first, invoice, donation, Map.of())).isEqualTo("applied");
        assertThat(journey.deliverAs("webhook-settled", BtcpayHooks.unique("Dlv"), first, invoice, donation, Map.of()))
                .isEqualTo("duplicate");
        assertThat(journey.deliver("webhook-settled", invoice, donation, Map.of())).isEqualTo("applied");
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);
        ProviderStubs.server().verify(3, getRequestedFor(urlEqualTo(BtcpayJourney.INVOICES + "/" + invoice))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("token " + ProviderStubs.BTCPAY_KEY)));
    }

    @Test
    void theReFetchedInvoiceIsBelievedOverTheDelivery() throws Exception {
        String expiredInvoice = BtcpayHooks.unique("Inv");
        UUID claimedSettled = journey.checkout("once", "20", "USD", expiredInvoice, "claims@example.org");
        BtcpayHooks.invoiceIs(expiredInvoice, claimedSettled.toString(), "20.00", "USD", "Expired", "None");
        journey.deliver("webhook-settled", expiredInvoice, claimedSettled, Map.of());
        assertThat(journey.statuses(claimedSettled, "PAID")).isZero();
        assertThat(journey.statuses(claimedSettled, "FAILED")).isEqualTo(1);

        String lateInvoice = BtcpayHooks.unique("Inv");
        UUID paidLate = journey.checkout("once", "20", "USD", lateInvoice, "late@example.org");
        BtcpayHooks.invoiceIs(lateInvoice, paidLate.toString(), "20.00", "USD", "Settled", "PaidLate");
        journey.deliver("webhook-expired", lateInvoice, paidLate, Map.of("partially_paid", false));
        assertThat(journey.statuses(paidLate, "PAID")).isEqualTo(1);

        String otherAmount = BtcpayHooks.unique("Inv");
        UUID tampered = journey.checkout("once", "20", "USD", otherAmount, "amount@example.org");
        BtcpayHooks.invoiceIs(otherAmount, tampered.toString(), "0.01", "USD", "Settled", "None");
        journey.deliver("webhook-settled", otherAmount, tampered, Map.of());
        assertThat(journey.statuses(tampered, "PAID")).isZero();
    }

    @Test
    void partialPaymentsAreNeverCreditedAsTheWhole() throws Exception {
        String invoice = BtcpayHooks.unique("Inv");
        UUID donation = journey.checkout("once", "50", "USD", invoice, "partial@example.org");
        BtcpayHooks.invoiceIs(invoice, donation.toString(), "50.00", "USD", "New", "PaidPartial");
        assertThat(journey.deliver("webhook-received-payment", invoice, donation, Map.of())).isEqualTo("ignored");
        assertThat(journey.statuses(donation, "PAID")).isZero();
        assertThat(journey.statuses(donation, "FAILED")).isZero();

        BtcpayHooks.invoiceIs(invoice, donation.toString(), "50.00", "USD", "Expired", "PaidPartial");
        assertThat(journey.deliver("webhook-expired", invoice, donation, Map.of("partially_paid", true))).isEqualTo("applied");
        assertThat(journey.statuses(donation, "PAID")).isZero();
        assertThat(journey.failure(donation)).contains("expired_partial");
    }

    @Test
    void expiredUnpaidAndInvalidInvoicesAreFailures() throws Exception {
        String expired = BtcpayHooks.unique("Inv");
        UUID unpaid = journey.checkout("once", "5", "USD", expired, "expired@example.org");
        BtcpayHooks.invoiceIs(expired, unpaid.toString(), "5.00", "USD", "Expired", "None");
        journey.deliver("webhook-expired", expired, unpaid, Map.of("partially_paid", false));
        assertThat(journey.failure(unpaid)).contains("expired");

        String invalid = BtcpayHooks.unique("Inv");
        UUID marked = journey.checkout("once", "5", "USD", invalid, "invalid@example.org");
        BtcpayHooks.invoiceIs(invalid, marked.toString(), "5.00", "USD", "Invalid", "Marked");
        journey.deliver("webhook-invalid", invalid, marked, Map.of());
        assertThat(journey.failure(marked)).contains("invalid");
        assertThat(journey.statuses(marked, "PAID")).isZero();
    }

    @Test
    void anUnreachableServerIsRetriedLater() throws Exception {
        String invoice = BtcpayHooks.unique("Inv");
        UUID donation = journey.checkout("once", "7", "USD", invoice, "retry@example.org");
        ProviderStubs.server().stubFor(get(urlEqualTo(BtcpayJourney.INVOICES + "/" + invoice))
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
        String delivery = BtcpayHooks.unique("Dlv");
        String body = BtcpayHooks.delivery("webhook-settled", delivery, delivery, invoice, donation.toString(), Map.of());
        assertThat(journey.hooks.deliver(body).statusCode()).isEqualTo(500);
        assertThat(journey.statuses(donation, "PAID")).isZero();

        BtcpayHooks.invoiceIs(invoice, donation.toString(), "7.00", "USD", "Settled", "None");
        assertThat(journey.hooks.deliver(body).body()).isEqualTo("applied\n");
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);
    }
}
