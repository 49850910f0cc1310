package org.samizdat.revenue.btcpay;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.samizdat.revenue.btcpay.BtcpayWebhookController.BtcpayDelivery;
import org.samizdat.revenue.btcpay.CryptoRenewalRepository.Renewal;
import org.samizdat.revenue.checkout.PaymentLedger;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a BTCPay delivery. The webhook only says that something happened to an invoice; what happened is read
 * from the invoice fetched again from the server, and applied in one transaction with the record of the delivery
 * (redeliveries share the original's id, so they change nothing). Settled credits the donation, if BTCPay's
 * amount is ours; expired (paid in part or not at all) and invalid record a failure; a partial payment on a
 * live invoice waits for the rest or for expiry, and is never credited as the whole.
 */
@Service
class BtcpayEventHandler {

    static final String PROVIDER = "btcpay";
    private static final Logger log = LoggerFactory.getLogger(BtcpayEventHandler.class);
    private static final Set<String> TYPES = Set.of("InvoiceSettled", "InvoiceExpired", "InvoiceInvalid",
            "InvoiceReceivedPayment", "InvoicePaymentSettled", "InvoiceProcessing");

    /** What became of a delivery. */
    enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final BtcpayApi api;
    private final PaymentLedger ledger;
    private final TransactionTemplate transactions;
    private final CryptoRenewalRepository renewals;

    BtcpayEventHandler(BtcpayApi api, PaymentLedger ledger, TransactionTemplate transactions,
            CryptoRenewalRepository renewals) {
        this.api = api;
        this.ledger = ledger;
        this.transactions = transactions;
        this.renewals = renewals;
    }

    Outcome handle(BtcpayDelivery delivery) {
        if (!TYPES.contains(delivery.type()) || delivery.invoiceId().isEmpty()) {
            return Outcome.IGNORED;
        }
        BtcpayInvoice invoice = api.fetch(delivery.invoiceId());
        return transactions.execute(status -> apply(delivery, invoice));
    }

    private Outcome apply(BtcpayDelivery delivery, BtcpayInvoice invoice) {
        if (!ledger.recordEvent(PROVIDER, delivery.key())) {
            return Outcome.DUPLICATE;
        }
        Optional<Renewal> renewal = renewals.byInvoice(invoice.id());
        if (renewal.isPresent()) {
            return renewal(renewal.get(), invoice);
        }
        Optional<UUID> donation = donationId(invoice.orderId());
        if (donation.isEmpty()) {
            return Outcome.IGNORED;
        }
        UUID id = donation.get();
        switch (invoice.status()) {
            case "Settled" -> credit(id, invoice);
            case "Expired" -> ledger.markFailed(id, PROVIDER, invoice.partiallyPaid() ? "expired_partial" : "expired");
            case "Invalid" -> ledger.markFailed(id, PROVIDER, "invalid");
            default -> {
                return Outcome.IGNORED;
            }
        }
        return Outcome.APPLIED;
    }

    /** A period's payment link of a crypto plan: only a settled invoice for the asked amount counts. */
    private Outcome renewal(Renewal renewal, BtcpayInvoice invoice) {
        if (!invoice.settled()) {
            return Outcome.IGNORED;
        }
        if (!renewal.currency().equalsIgnoreCase(invoice.currency())
                || BtcpayApi.minor(invoice.amount(), renewal.currency()) != renewal.amountMinor()) {
            log.warn("BTCPay renewal invoice {} is for a different amount than asked; not credited", invoice.id());
            return Outcome.IGNORED;
        }
        ledger.recordRenewal(PROVIDER, renewal.originId(), renewal.amountMinor(), renewal.currency(),
                new ProviderRefs(invoice.id(), null, null, invoice.id()));
        return Outcome.APPLIED;
    }

    private void credit(UUID id, BtcpayInvoice invoice) {
        Optional<PendingDonation> pending = ledger.donation(id);
        if (pending.isEmpty()) {
            log.warn("BTCPay invoice {} names an unknown donation", invoice.id());
            return;
        }
        PendingDonation asked = pending.get();
        if (!asked.currency().equalsIgnoreCase(invoice.currency())
                || BtcpayApi.minor(invoice.amount(), asked.currency()) != asked.amountMinor()) {
            log.warn("BTCPay invoice {} is for a different amount than donation {}; not credited", invoice.id(), id);
            ledger.markFailed(id, PROVIDER, "amount_mismatch");
            return;
        }
        ledger.markPaid(id, PROVIDER, ProviderRefs.payment(invoice.id()));
    }

    private static Optional<UUID> donationId(String orderId) {
        try {
            return Optional.of(UUID.fromString(orderId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
