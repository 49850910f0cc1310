package org.samizdat.revenue.btcpay;

import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.PlanAtProvider;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Crypto through the newsroom's own BTCPay Server: an invoice per donation, the reader sent to its checkout page.
 * A recurring crypto plan lives only in our ledger (crypto cannot be pulled): each period its supporter is mailed a
 * fresh payment link, so cancelling or changing the amount needs nothing from BTCPay.
 */
@Component
class BtcpayProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(BtcpayProvider.class);

    private final BtcpayProperties properties;
    private final BtcpayApi api;

    BtcpayProvider(BtcpayProperties properties, BtcpayApi api) {
        this.properties = properties;
        this.api = api;
    }

    @Override
    public String id() {
        return BtcpayEventHandler.PROVIDER;
    }

    @Override
    public boolean enabled() {
        return properties.configured();
    }

    @Override
    public CheckoutStart begin(PendingDonation donation) {
        try {
            BtcpayInvoice invoice = api.openInvoice(donation.donationId().toString())
                    .orElseGet(() -> api.create(donation.donationId().toString(), donation.amountMinor(),
                            donation.currency(), donation.language().code(), donation.successUrl(),
                            donation.descriptor()));
            if (!invoice.checkoutLink().startsWith("https://") && !invoice.checkoutLink().startsWith("http://")) {
                throw new ProviderUnavailable("BTCPay returned no checkout address");
            }
            return CheckoutStart.redirect(invoice.checkoutLink());
        } catch (RestClientException | IllegalStateException e) {
            log.warn("BTCPay invoice could not be created: {}", e.getClass().getSimpleName());
            throw new ProviderUnavailable("BTCPay Server could not be reached", e);
        }
    }

    @Override
    public void cancel(PlanAtProvider plan) {
    }

    @Override
    public void changeAmount(PlanAtProvider plan, long newAmountMinor) {
    }
}
