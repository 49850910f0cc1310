package org.samizdat.newsletter.internal;

import org.samizdat.shared.Language;

/**
 * A sign-up as the form sent it: the page language, the chosen newsletter (blank for the language's default),
 * the typed address, which form, the policy version the form showed (null when it linked the current one),
 * the client address (only ever hashed) and the honeypot field bots fill in.
 */
public record SignUpRequest(Language language, String newsletter, String email, String form, Integer policyVersion,
        String clientAddress, String honeypot) {
}
