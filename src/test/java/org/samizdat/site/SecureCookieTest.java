package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.samizdat.support.AppTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Served over HTTPS, the newsroom session cookie is {@code __Host-newsroom}: Secure, Path=/, HttpOnly, SameSite,
 * no Domain; public pages carrying it are still answered from the cache, identical for everyone. Its own
 * context is small and closed afterwards, so it holds no database connections beyond this class.
 */
@AppTest
@TestPropertySource(properties = {"samizdat.newsroom.secure-cookie=true", "spring.datasource.hikari.maximum-pool-size=2"})
@DirtiesContext
class SecureCookieTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsAHostCookie() throws Exception {
        HttpResponse<byte[]> page = new Http(port).get("/newsroom/signin", "X-Forwarded-Proto", "https");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("__Host-newsroom=").contains("; Path=/;", "; Secure", "; HttpOnly", "; SameSite=Lax")
                .doesNotContainIgnoringCase("domain=");
    }

    @Test
    void publicPagesIgnoreTheCookie() throws Exception {
        Http http = new Http(port);
        http.get("/en");
        HttpResponse<byte[]> withCookie = http.get("/en", "Cookie", "__Host-newsroom=0123456789ABCDEF");
        assertThat(withCookie.headers().firstValue("X-Cache")).hasValue("hit");
        assertThat(withCookie.headers().allValues("Set-Cookie")).isEmpty();
    }
}
