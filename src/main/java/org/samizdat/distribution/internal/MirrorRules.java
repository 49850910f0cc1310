package org.samizdat.distribution.internal;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the mirror list accepts: an absolute http(s) URL without credentials, query or fragment; an onion entry's
 * host must be a v3 onion address (56 base32 characters). Anything else gets the message key of a readable answer.
 */
public final class MirrorRules {

    public static final Set<String> KINDS = Set.of("web", "onion", "static", "channel");
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_LABEL = 100;
    private static final Pattern ONION_V3 = Pattern.compile("[a-z2-7]{56}\\.onion");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private MirrorRules() {
    }

    /** The outcome of a check: the address as it will be stored, or the key of the message saying what is wrong. */
    public record Checked(String address, String error) {

        public boolean ok() {
            return error == null;
        }
    }

    public static Checked check(String kind, String typed) {
        if (kind == null || !KINDS.contains(kind)) {
            return new Checked(null, "distribution.error.kind");
        }
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return new Checked(null, "newsroom.error.required");
        }
        if (text.length() > MAX_ADDRESS) {
            return new Checked(null, "distribution.error.addressTooLong");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Checked(null, "distribution.error.addressCharacters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return new Checked(null, "distribution.error.address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Checked(null, "distribution.error.scheme");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return new Checked(null, "distribution.error.credentials");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return new Checked(null, "distribution.error.query");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !HOST.matcher(host).matches()) {
            return new Checked(null, "distribution.error.address");
        }
        boolean onion = host.endsWith(".onion");
        if (kind.equals("onion") != onion) {
            return new Checked(null, onion ? "distribution.error.onionKind" : "distribution.error.onion");
        }
        if (onion && !ONION_V3.matcher(host).matches()) {
            return new Checked(null, "distribution.error.onion");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        if (kind.equals("onion") && !path.isEmpty()) {
            return new Checked(null, "distribution.error.onionPath");
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new Checked(scheme + "://" + IDN.toASCII(host) + port + path, null);
    }

    public static String label(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }
}
