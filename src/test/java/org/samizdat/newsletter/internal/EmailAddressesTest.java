package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reader-typed addresses: what is accepted, how it is stored, and the nasty cases refused. */
class EmailAddressesTest {

    @Test
    void normalisesCaseTagsSpacesAndInternationalDomains() {
        assertThat(EmailAddresses.normalise("  Reader+News@Example.ORG ")).hasValue("reader+news@example.org");
        assertThat(EmailAddresses.normalise("anna@пример.рф")).hasValue("anna@xn--e1afmkfd.xn--p1ai");
        assertThat(EmailAddresses.normalise("o'brien@mail.example.com")).hasValue("o'brien@mail.example.com");
    }

    @Test
    void refusesMalformedOverlongAndInjectedAddresses() {
        for (String bad : new String[] {null, "", " ", "plain", "@example.org", "a@", "a@b", "a@@b.org", "a b@c.org",
                "a@b.org\r\nBcc: evil@example.org", "a@b.org\nBcc: evil@example.org", "a@b.org%0d%0aBcc:x@y.org",
                "\"quoted\"@example.org", "a,b@example.org", "a@example.org, b@example.org", ".a@example.org",
                "a..b@example.org", "a@-example.org", "a@exa_mple.org", "<a@example.org>", "a@example.org\u0000",
                "x".repeat(10_000) + "@example.org", "a@" + "b".repeat(10_000) + ".org",
                "a".repeat(65) + "@example.org", "a@" + ("b".repeat(60) + ".").repeat(5) + "org"}) {
            assertThat(EmailAddresses.normalise(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void tokensAreRandomUrlSafeAndStoredAsHashes() {
        String token = Tokens.generate();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Tokens.generate()).isNotEqualTo(token);
        assertThat(Tokens.hash(token)).matches("[0-9a-f]{64}").isNotEqualTo(token);
        assertThat(Tokens.wellFormed(token)).isTrue();
        assertThat(Tokens.wellFormed(token + "x")).isFalse();
        assertThat(Tokens.wellFormed("../../etc/passwd")).isFalse();
    }
}
