package org.samizdat.newsletter.internal;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounce and complaint handling ({@code samizdat.newsletter.bounces.*}): soft bounces within {@code soft-window} that
 * suppress an address ({@code soft-limit}); the pattern a signing-certificate or subscribe URL of Amazon SNS must
 * match (https on {@code sns.<region>.amazonaws.com}); the SNS topics accepted (blank = any); and the generic
 * webhook's secret (blank = endpoint off) and how old its timestamp may be.
 */
@ConfigurationProperties("samizdat.newsletter.bounces")
public record BounceProperties(Integer softLimit, Duration softWindow, String snsUrlPattern, String snsTopics,
        String genericSecret, Duration genericMaxAge, Boolean snsEnabled) {

    static final String SNS_HOSTS = "https://sns\\.[a-z0-9-]{1,30}\\.amazonaws\\.com(\\.cn)?/[^\\s]*";

    public BounceProperties {
        softLimit = softLimit == null ? 3 : Math.max(1, softLimit);
        softWindow = softWindow == null ? Duration.ofDays(7) : softWindow;
        snsUrlPattern = snsUrlPattern == null || snsUrlPattern.isBlank() ? SNS_HOSTS : snsUrlPattern.trim();
        snsTopics = snsTopics == null ? "" : snsTopics.trim();
        genericSecret = genericSecret == null ? "" : genericSecret.trim();
        genericMaxAge = genericMaxAge == null ? Duration.ofMinutes(5) : genericMaxAge;
        snsEnabled = snsEnabled == null || snsEnabled;
    }

    /** Whether an SNS URL (signing certificate or subscription confirmation) may be fetched. */
    public boolean snsUrlAllowed(String url) {
        return url != null && url.length() <= 2048 && Pattern.compile(snsUrlPattern).matcher(url).matches();
    }

    /** Whether notifications from this topic ARN are accepted. */
    public boolean topicAllowed(String arn) {
        if (snsTopics.isEmpty()) {
            return true;
        }
        for (String allowed : snsTopics.split(",")) {
            if (allowed.trim().equals(arn)) {
                return true;
            }
        }
        return false;
    }
}
