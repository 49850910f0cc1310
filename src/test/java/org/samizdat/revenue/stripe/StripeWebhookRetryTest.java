package org.samizdat.revenue.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.PaymentsAppTest;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** A handler that fails half way answers 5xx and leaves nothing behind, so Stripe's retry credits the donation. */
@PaymentsAppTest
class StripeWebhookRetryTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    PaymentLedger ledger;

    @Test
    void aFailedDeliveryIsRetriedAndCreditedOnce() throws Exception {
        StripeJourney journey = new StripeJourney(port, jdbc);
        UUID donation = journey.checkout("once", "30", "USD");
        doThrow(new TransientDataAccessResourceException("database went away"))
                .doCallRealMethod()
                .when(ledger).markPaid(eq(donation), eq("stripe"), any(ProviderRefs.class), any());
        String completed = StripeJourney.session("checkout.session.completed", donation, 3000, "paid", "pi_r" + donation.hashCode());

        HttpResponse<String> failed = journey.hooks.deliver(completed);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("database").doesNotContain("Exception");
        assertThat(journey.statuses(donation, "PAID")).isZero();

        HttpResponse<String> retried = journey.hooks.deliver(completed);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo("applied\n");
        assertThat(journey.statuses(donation, "PAID")).isEqualTo(1);
    }
}
