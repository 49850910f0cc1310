package org.samizdat.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who mail comes from ({@code samizdat.mail.*}); the SMTP relay itself is Spring Boot's {@code spring.mail.*},
 * set from {@code SAMIZDAT_SMTP_*}.
 */
@ConfigurationProperties("samizdat.mail")
public record MailProperties(String from, String fromName) {

    public MailProperties {
        from = from == null || from.isBlank() ? "newsletter@localhost" : from.trim();
        fromName = fromName == null ? "" : fromName.trim();
    }

    /** The domain of the sender address, used for Message-ID values. */
    public String domain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "localhost" : from.substring(at + 1);
    }
}
