package org.samizdat.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which form posts count as coming from the site's own pages. */
class SameOriginTest {

    private static MockHttpServletRequest post(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/en/newsletter");
        request.addHeader("Host", "mirror.example.net");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void acceptsTheOwnHostUnderAnyMirrorName() {
        assertThat(SameOrigin.check(post("Origin", "https://mirror.example.net"))).isTrue();
        assertThat(SameOrigin.check(post("Origin", "https://MIRROR.example.net", "Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(SameOrigin.check(post("Referer", "https://mirror.example.net/en/stories/x"))).isTrue();
        assertThat(SameOrigin.check(post("Origin", "https://site.example", "X-Forwarded-Host", "site.example"))).isTrue();
    }

    @Test
    void acceptsANullOriginOnlyWithSameOriginFetchMetadata() {
        assertThat(SameOrigin.check(post("Origin", "null", "Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(SameOrigin.check(post("Sec-Fetch-Site", "same-origin"))).isTrue();
        assertThat(SameOrigin.check(post("Origin", "null"))).isFalse();
        assertThat(SameOrigin.check(post())).isFalse();
    }

    @Test
    void refusesOtherSites() {
        assertThat(SameOrigin.check(post("Origin", "https://evil.example"))).isFalse();
        assertThat(SameOrigin.check(post("Origin", "https://mirror.example.net.evil.example"))).isFalse();
        assertThat(SameOrigin.check(post("Origin", "https://mirror.example.net", "Sec-Fetch-Site", "cross-site"))).isFalse();
        assertThat(SameOrigin.check(post("Origin", "null", "Sec-Fetch-Site", "same-site"))).isFalse();
        assertThat(SameOrigin.check(post("Referer", "https://evil.example/?https://mirror.example.net"))).isFalse();
        assertThat(SameOrigin.check(post("Origin", "javascript://mirror.example.net"))).isFalse();
        assertThat(SameOrigin.check(post("Origin", "not a url"))).isFalse();
    }
}
