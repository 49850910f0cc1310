package org.samizdat.revenue.btcpay;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.ProviderStubs;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A monthly crypto supporter gets one fresh payment link per period, by email, and paying it renews the plan. */
@PaymentsAppTest
class CryptoRenewalTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoRenewals renewals;

    private static List<MimeMessage> links(String email) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : TestMailServer.to(email)) {
            if (message.getSubject().contains("payment link")) {
                found.add(message);
            }
        }
        return found;
    }

    @Test
    void eachPeriodMailsOneLinkAndItsPaymentIsARenewal() throws Exception {
        BtcpayJourney journey = new BtcpayJourney(port, jdbc);
        String email = "crypto-monthly-" + System.nanoTime() + "@example.org";
        String firstInvoice = BtcpayHooks.unique("Inv");
        UUID origin = journey.checkout("monthly", "10", "USD", firstInvoice, email);
        BtcpayHooks.invoiceIs(firstInvoice, origin.toString(), "10.00", "USD", "Settled", "None");
        journey.deliver("webhook-settled", firstInvoice, origin, Map.of());
        assertThat(journey.statuses(origin, "PAID")).isEqualTo(1);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(renewals.run(today)).isZero();

        String renewalInvoice = BtcpayHooks.unique("Inv");
        BtcpayJourney.nextInvoiceIs(renewalInvoice, "10.00", "USD");
        LocalDate nextMonth = today.plusMonths(1).plusDays(1);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> renewals.run(nextMonth));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> renewals.run(nextMonth));
        assertThat(one.get() + two.get()).isEqualTo(1);
        assertThat(renewals.run(nextMonth)).isZero();

        List<MimeMessage> mails = links(email);
        assertThat(mails).hasSize(1);
        String text = (String) ((jakarta.mail.Multipart) mails.get(0).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains(ProviderStubs.baseUrl() + "/i/" + renewalInvoice).contains("$10");

        String order = BtcpayJourney.lastOrderId();
        assertThat(order).startsWith("renewal-");
        BtcpayHooks.invoiceIs(renewalInvoice, order, "10.00", "USD", "Settled", "None");
        String delivery = BtcpayHooks.unique("Dlv");
        assertThat(journey.deliverAs("webhook-settled", delivery, delivery, renewalInvoice, origin, Map.of())).isEqualTo("applied");
        assertThat(journey.deliverAs("webhook-settled", BtcpayHooks.unique("Dlv"), delivery, renewalInvoice, origin, Map.of()))
                .isEqualTo("duplicate");
        assertThat(jdbc.sql("select count(*) from revenue_donation where method = 'btcpay' and invoice_ref = ?")
                .param(renewalInvoice).query(Long.class).single()).isEqualTo(1);
    }
}
