package org.samizdat.revenue.checkout;

/**
 * Where to send the reader to pay: a provider's hosted page ({@code external}, an absolute URL) or one of our
 * own pages, such as the bank transfer instructions or the simulated checkout (a host-relative path).
 */
public record CheckoutStart(String location, boolean external) {

    public static CheckoutStart redirect(String absoluteUrl) {
        return new CheckoutStart(absoluteUrl, true);
    }

    public static CheckoutStart page(String hostRelativePath) {
        return new CheckoutStart(hostRelativePath, false);
    }
}
