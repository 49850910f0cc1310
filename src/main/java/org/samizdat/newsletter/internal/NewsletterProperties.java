package org.samizdat.newsletter.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Newsletter settings ({@code samizdat.newsletter.*}): the server secret for HMACs (generated and kept in the
 * database when blank), how long a confirmation link lives, the sign-up rate limits, the mailto address
 * offered in List-Unsubscribe, how long unconfirmed sign-ups are kept and how long a preference link works.
 */
@ConfigurationProperties("samizdat.newsletter")
record NewsletterProperties(
        String secret,
        Duration confirmTtl,
        Integer signupsPerClient,
        Duration clientWindow,
        Integer signupsPerAddress,
        Duration addressWindow,
        String unsubscribeMailto,
        Duration unconfirmedRetention,
        Duration preferencesTtl) {

    NewsletterProperties {
        secret = secret == null ? "" : secret.trim();
        confirmTtl = confirmTtl == null ? Duration.ofDays(7) : confirmTtl;
        signupsPerClient = signupsPerClient == null ? 10 : signupsPerClient;
        clientWindow = clientWindow == null ? Duration.ofMinutes(10) : clientWindow;
        signupsPerAddress = signupsPerAddress == null ? 3 : signupsPerAddress;
        addressWindow = addressWindow == null ? Duration.ofHours(24) : addressWindow;
        unsubscribeMailto = unsubscribeMailto == null ? "" : unsubscribeMailto.trim();
        unconfirmedRetention = unconfirmedRetention == null ? Duration.ofDays(30) : unconfirmedRetention;
        preferencesTtl = preferencesTtl == null ? Duration.ofDays(90) : preferencesTtl;
    }
}
