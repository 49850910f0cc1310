package org.samizdat.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The mirror list refuses what could hurt a reader who follows it, and says why. */
class MirrorRulesTest {

    static final String ONION = "http://" + "a".repeat(16) + "bcdefghijklmnopqrstuvwxyz234567" + "abcdefghi" + ".onion";

    @Test
    void acceptsPlainWebAddressesAndNormalisesThem() {
        assertThat(MirrorRules.check("web", " HTTPS://Mirror.Example.ORG/ ").address()).isEqualTo("https://mirror.example.org");
        assertThat(MirrorRules.check("static", "https://cdn.example.net:8443/copy/").address())
                .isEqualTo("https://cdn.example.net:8443/copy/");
        assertThat(MirrorRules.check("channel", "https://t.me/samizdat").ok()).isTrue();
    }

    @Test
    void acceptsOnlyVersionThreeOnionOrigins() {
        assertThat(ONION.length() - "http://".length() - ".onion".length()).isEqualTo(56);
        assertThat(MirrorRules.check("onion", ONION).address()).isEqualTo(ONION);
        assertThat(MirrorRules.check("onion", "http://expyuzz4wqqyqhjn.onion").error()).isEqualTo("distribution.error.onion");
        assertThat(MirrorRules.check("onion", ONION.replace("a", "1")).error()).isEqualTo("distribution.error.onion");
        assertThat(MirrorRules.check("onion", "https://example.org").error()).isEqualTo("distribution.error.onion");
        assertThat(MirrorRules.check("web", ONION).error()).isEqualTo("distribution.error.onionKind");
        assertThat(MirrorRules.check("onion", ONION + "/news").error()).isEqualTo("distribution.error.onionPath");
    }

    @Test
    void refusesScriptsCredentialsAndOtherSchemes() {
        assertThat(MirrorRules.check("web", "javascript:alert(1)").error()).isEqualTo("distribution.error.scheme");
        assertThat(MirrorRules.check("web", "JavaScript://example.org/%0Aalert(1)").error()).isEqualTo("distribution.error.scheme");
        assertThat(MirrorRules.check("web", "data:text/html,<script>alert(1)</script>").error()).isNotNull();
        assertThat(MirrorRules.check("web", "ftp://example.org").error()).isEqualTo("distribution.error.scheme");
        assertThat(MirrorRules.check("web", "//example.org").error()).isEqualTo("distribution.error.scheme");
        assertThat(MirrorRules.check("web", "https://user:secret@example.org").error()).isEqualTo("distribution.error.credentials");
        assertThat(MirrorRules.check("web", "https://user@example.org").error()).isEqualTo("distribution.error.credentials");
        assertThat(MirrorRules.check("web", "https://example.org/?utm=1").error()).isEqualTo("distribution.error.query");
        assertThat(MirrorRules.check("web", "https://example.org/#top").error()).isEqualTo("distribution.error.query");
        assertThat(MirrorRules.check("web", "https://exa mple.org").error()).isEqualTo("distribution.error.addressCharacters");
        assertThat(MirrorRules.check("web", "https://пример.рф").error()).isEqualTo("distribution.error.addressCharacters");
        assertThat(MirrorRules.check("web", "https://example.org/\"><script>").error()).isNotNull();
        assertThat(MirrorRules.check("web", "https://").error()).isNotNull();
        assertThat(MirrorRules.check("web", "https://-bad-.example").error()).isEqualTo("distribution.error.address");
    }

    @Test
    void refusesHugeOrEmptyInputAndUnknownKinds() {
        assertThat(MirrorRules.check("web", "https://example.org/" + "a".repeat(1_000_000)).error())
                .isEqualTo("distribution.error.addressTooLong");
        assertThat(MirrorRules.check("web", "   ").error()).isEqualTo("newsroom.error.required");
        assertThat(MirrorRules.check("web", null).error()).isEqualTo("newsroom.error.required");
        assertThat(MirrorRules.check("ftp", "https://example.org").error()).isEqualTo("distribution.error.kind");
        assertThat(MirrorRules.check(null, "https://example.org").error()).isEqualTo("distribution.error.kind");
    }
}
