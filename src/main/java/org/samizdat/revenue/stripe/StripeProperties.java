package org.samizdat.revenue.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe settings ({@code samizdat.stripe.*}): the secret API key, the webhook endpoint's signing secret, the API
 * address (changed only by tests), and how far a signed timestamp may lie behind or ahead of our clock. Stripe
 * is offered only when both secrets are set.
 */
@ConfigurationProperties("samizdat.stripe")
record StripeProperties(
        String secretKey,
        String webhookSecret,
        String apiBase,
        Duration signatureMaxAge,
        Duration signatureMaxAhead) {

    StripeProperties {
        secretKey = secretKey == null ? "" : secretKey.trim();
        webhookSecret = webhookSecret == null ? "" : webhookSecret.trim();
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase.trim();
        signatureMaxAge = signatureMaxAge == null ? Duration.ofMinutes(5) : signatureMaxAge;
        signatureMaxAhead = signatureMaxAhead == null ? Duration.ofSeconds(60) : signatureMaxAhead;
    }

    boolean configured() {
        return !secretKey.isEmpty() && !webhookSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "StripeProperties[apiBase=" + apiBase + ", configured=" + configured() + "]";
    }
}
