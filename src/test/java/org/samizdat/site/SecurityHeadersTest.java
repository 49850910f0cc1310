package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every response carries the browser protections, whether it came from the cache, was rendered or failed. */
@AppTest
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

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
                http.get("/assets/site.css").headers(), http.get("/newsroom").headers(),
                http.get("/en", "Accept-Encoding", "gzip").headers())) {
            assertThat(headers.allValues("Content-Security-Policy")).containsExactly(CSP);
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
}
