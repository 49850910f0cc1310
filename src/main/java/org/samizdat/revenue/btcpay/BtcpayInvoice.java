package org.samizdat.revenue.btcpay;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/**
 * What we read of a BTCPay invoice: its id, checkout page, state ({@code New}, {@code Processing},
 * {@code Settled}, {@code Expired}, {@code Invalid}), additional state ({@code PaidPartial}, {@code PaidLate},
 * {@code PaidOver}, {@code Marked}…), amount and currency, and the donation id it was made for.
 */
record BtcpayInvoice(String id, String checkoutLink, String status, String additionalStatus, BigDecimal amount,
        String currency, String orderId) {

    static BtcpayInvoice of(JsonNode node) {
        if (node == null || !node.path("id").isString()) {
            throw new IllegalStateException("BTCPay answered without an invoice");
        }
        return new BtcpayInvoice(node.path("id").asString(), node.path("checkoutLink").asString(""),
                node.path("status").asString(""), node.path("additionalStatus").asString("None"),
                new BigDecimal(node.path("amount").asString("0")), node.path("currency").asString(""),
                node.path("metadata").path("orderId").asString(""));
    }

    boolean settled() {
        return "Settled".equals(status);
    }

    boolean partiallyPaid() {
        return "PaidPartial".equals(additionalStatus);
    }
}
