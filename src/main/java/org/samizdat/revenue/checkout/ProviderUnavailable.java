package org.samizdat.revenue.checkout;

/** A provider could not be reached or refused the request; the reader is asked to try again or another method. */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public ProviderUnavailable(String message) {
        super(message);
    }
}
