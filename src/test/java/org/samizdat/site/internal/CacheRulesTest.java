package org.samizdat.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cache's decisions on their own: which requests it answers, which responses it keeps, which encodings. */
class CacheRulesTest {

    final CacheRules rules = new CacheRules(new CacheProperties(null, null, null, null, null, null, null, null, null));

    MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setRequestURI(uri);
        return request;
    }

    MockHttpServletResponse html() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/html;charset=UTF-8");
        return response;
    }

    @Test
    void answersOnlyAnonymousReadsOfPublicPages() {
        assertThat(rules.candidate(request("GET", "/en/stories/a"))).isTrue();
        assertThat(rules.candidate(request("HEAD", "/"))).isTrue();
        assertThat(rules.candidate(request("GET", "/newsroomish"))).isTrue();
        assertThat(rules.candidate(request("POST", "/en/stories/a"))).isFalse();
        assertThat(rules.candidate(request("GET", "/newsroom"))).isFalse();
        assertThat(rules.candidate(request("GET", "/newsroom/stories"))).isFalse();
        assertThat(rules.candidate(request("GET", "/media/1/w640.jpg"))).isFalse();
        assertThat(rules.candidate(request("GET", "/assets/site.css"))).isFalse();
        MockHttpServletRequest signedIn = request("GET", "/en");
        signedIn.addHeader("Cookie", "theme=dark; JSESSIONID=abc");
        assertThat(rules.candidate(signedIn)).isFalse();
        MockHttpServletRequest authorized = request("GET", "/en");
        authorized.addHeader("Authorization", "Basic eDp5");
        assertThat(rules.candidate(authorized)).isFalse();
        MockHttpServletRequest prefixed = request("GET", "/en");
        prefixed.addHeader("X-Forwarded-Prefix", "/elsewhere");
        assertThat(rules.candidate(prefixed)).isTrue();
        MockHttpServletRequest longQuery = request("GET", "/en");
        longQuery.setQueryString("q=" + "x".repeat(300));
        assertThat(rules.candidate(longQuery)).isFalse();
    }

    @Test
    void keysIgnoreTheHost() {
        MockHttpServletRequest one = request("GET", "/en/sections/world");
        one.setQueryString("page=2");
        one.setServerName("mirror.example");
        MockHttpServletRequest two = request("GET", "/en/sections/world");
        two.setQueryString("page=2");
        two.setServerName("onion.example");
        assertThat(CacheRules.key(one)).isEqualTo(CacheRules.key(two)).isEqualTo("/en/sections/world?page=2");
    }

    @Test
    void keysHoldAValidForwardedPrefixOnly() {
        MockHttpServletRequest prefixed = request("GET", "/en");
        prefixed.addHeader("X-Forwarded-Prefix", "/news/");
        assertThat(CacheRules.key(prefixed)).isEqualTo("/news/en");
        MockHttpServletRequest hostile = request("GET", "/en");
        hostile.addHeader("X-Forwarded-Prefix", "//evil.example");
        assertThat(CacheRules.key(hostile)).isEqualTo("/en");
    }

    @Test
    void keepsOnlyPublicSuccessfulPagesOfCacheableTypes() {
        assertThat(rules.storable(html(), 100)).isTrue();
        MockHttpServletResponse cookie = html();
        cookie.addHeader("Set-Cookie", "a=b");
        assertThat(rules.storable(cookie, 100)).isFalse();
        for (String control : new String[] {"no-store", "private, max-age=60", "no-cache"}) {
            MockHttpServletResponse response = html();
            response.setHeader("Cache-Control", control);
            assertThat(rules.storable(response, 100)).as(control).isFalse();
        }
        MockHttpServletResponse notFound = html();
        notFound.setStatus(404);
        assertThat(rules.storable(notFound, 100)).isFalse();
        MockHttpServletResponse json = new MockHttpServletResponse();
        json.setContentType("application/json");
        assertThat(rules.storable(json, 100)).isFalse();
        assertThat(rules.storable(html(), 0)).isFalse();
    }

    @Test
    void readsAcceptEncoding() {
        assertThat(Responses.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(Responses.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(Responses.acceptsGzip("*")).isTrue();
        assertThat(Responses.acceptsGzip("identity")).isFalse();
        assertThat(Responses.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Responses.acceptsGzip("gzip; q=0.000, *")).isFalse();
        assertThat(Responses.acceptsGzip("*;q=0")).isFalse();
        assertThat(Responses.acceptsGzip(null)).isFalse();
    }
}
