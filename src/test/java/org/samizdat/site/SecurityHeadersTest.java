package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.web.InlineScript;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every response carries the browser protections, whether it came from the cache, was rendered or failed. */
@AppTest
class SecurityHeadersTest {

    static final String BASE_CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Autowired
    List<InlineScript> inlineScripts;

    String csp;

    /** The policy with the hash of every declared inline script, computed here from the scripts' text. */
    @BeforeEach
    void expectedPolicy() throws Exception {
        StringBuilder hashes = new StringBuilder();
        for (InlineScript script : inlineScripts) {
            hashes.append(" 'sha256-").append(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.source().getBytes(StandardCharsets.UTF_8)))).append("'");
        }
        csp = BASE_CSP.replace("script-src 'self';", "script-src 'self'" + hashes + ";");
    }

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @Test
    void hitsMissesErrorsAssetsAndTheNewsroomAllCarryThem() throws Exception {
        Http http = new Http(port);
        new Newsroom(workflow, catalog).publish("Headers on every page", null, "Headers", null);
        String path = "/en/stories/headers-on-every-page";
        HttpHeaders miss = http.get(path).headers();
        HttpHeaders hit = http.get(path).headers();
        assertThat(hit.firstValue("X-Cache")).hasValue("hit");
        assertThat(miss.firstValue("X-Cache")).hasValue("miss");

        for (HttpHeaders headers : List.of(miss, hit, http.get("/en/stories/nothing-here").headers(),
                http.get("/assets/site.css").headers(),
                http.get("/en", "Accept-Encoding", "gzip").headers())) {
            assertThat(headers.allValues("Content-Security-Policy")).containsExactly(csp);
            assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverHttps() throws Exception {
        Http http = new Http(port);
        new Newsroom(workflow, catalog).publish("Headers behind a proxy", null, "Headers", null);
        String path = "/en/stories/headers-behind-a-proxy";
        HttpHeaders plainMiss = http.get(path).headers();
        HttpHeaders httpsHit = http.get(path, "X-Forwarded-Proto", "https").headers();
        HttpHeaders plainHit = http.get(path).headers();
        HttpHeaders httpsMiss = http.get("/en/sections/no-such-section", "X-Forwarded-Proto", "https").headers();

        assertThat(httpsHit.firstValue("X-Cache")).hasValue("hit");
        assertThat(httpsHit.allValues("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(httpsMiss.allValues("Strict-Transport-Security")).containsExactly("max-age=31536000; includeSubDomains");
        assertThat(plainMiss.firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plainHit.firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void privatePagesGetAFreshNonceAndNoStoreThatNothingWeakens() throws Exception {
        Http http = new Http(port);
        HttpHeaders first = http.get("/newsroom/signin").headers();
        HttpHeaders second = http.get("/newsroom/signin").headers();
        String nonce = nonce(first);
        assertThat(nonce).matches("[A-Za-z0-9_-]{24}").isNotEqualTo(nonce(second));
        assertThat(first.allValues("Content-Security-Policy")).containsExactly(csp.replace("script-src 'self'",
                "script-src 'self' 'nonce-" + nonce + "'"));
        assertThat(first.allValues("Cache-Control")).containsExactly("no-store");
        for (String path : List.of("/newsroom", "/support/manage/some-token", "/newsletter/preferences/some-token",
                "/en/support/manage/x", "/newsletter/unsubscribe/abc")) {
            HttpHeaders headers = http.get(path).headers();
            HttpHeaders again = http.get(path).headers();
            assertThat(headers.allValues("Cache-Control")).as(path).hasSize(1).first().asString()
                    .matches("(private, )?no-store");
            assertThat(again.firstValue("X-Cache")).as(path).isNotEqualTo(java.util.Optional.of("hit"));
            assertThat(headers.firstValue("Content-Security-Policy").orElseThrow()).as(path).contains("'nonce-",
                    "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'");
        }
    }

    @Test
    void publicPagesNeverCarryANonce() throws Exception {
        Http http = new Http(port);
        new Newsroom(workflow, catalog).publish("Same page for readers", null, "Headers", null);
        for (String path : List.of("/en", "/en/stories/same-page-for-readers", "/en/stories/same-page-for-readers")) {
            var response = http.get(path);
            assertThat(response.headers().allValues("Content-Security-Policy")).as(path).containsExactly(csp);
            String html = Http.text(response);
            assertThat(html).as(path).doesNotContain("nonce=");
            for (Element script : Jsoup.parse(html).select("script:not([src]):not([type=application/ld+json])")) {
                assertThat(inlineScripts).as("inline script on %s", path).extracting(InlineScript::source)
                        .contains(script.data());
            }
        }
    }

    @Test
    void theInlineScriptsArePagedVerbatimAndAllowedByTheirHashOnly() throws Exception {
        assertThat(inlineScripts).as("the asks declare their gate").isNotEmpty();
        assertThat(csp).doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'");
        for (InlineScript script : inlineScripts) {
            assertThat(csp).contains(script.hashSource());
        }
    }

    static String nonce(HttpHeaders headers) {
        return headers.firstValue("Content-Security-Policy").orElseThrow().replaceAll(".*'nonce-([^']+)'.*", "$1");
    }
}
