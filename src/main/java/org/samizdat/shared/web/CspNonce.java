package org.samizdat.shared.web;

import jakarta.servlet.ServletRequest;

/**
 * The per-response nonce of the Content-Security-Policy on pages that are never cached (the newsroom): an inline
 * script runs only with {@code nonce="…"} equal to it. Public cached pages get none, since they must be
 * byte-identical for every reader, and carry no inline script at all.
 */
public final class CspNonce {

    /** The request attribute holding the nonce, set by the security headers filter. */
    public static final String ATTRIBUTE = "org.samizdat.cspNonce";

    private CspNonce() {
    }

    /** The nonce of this response, or an empty string on pages that have none. */
    public static String of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String nonce ? nonce : "";
    }
}
