package org.samizdat.staff.internal;

import jakarta.servlet.SessionCookieConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The newsroom session cookie. Served over HTTPS ({@code samizdat.newsroom.secure-cookie=true}) it is
 * {@code __Host-newsroom}: Secure, Path=/, no Domain, so no other host or plain-HTTP page can set or read it. The
 * {@code __Host-} prefix demands Path=/, so the cookie then also travels with public page requests; the public
 * chain never reads a session and the page cache ignores this cookie, so public pages stay identical for
 * everyone. Over plain HTTP (a laptop) browsers refuse Secure cookies, so it is {@code newsroom} with
 * Path=/newsroom. HttpOnly and SameSite=Lax come from {@code server.servlet.session.cookie.*}.
 */
@Configuration
class SessionCookie {

    static final String SECURE_NAME = "__Host-newsroom";
    static final String PLAIN_NAME = "newsroom";

    @Bean
    ServletContextInitializer newsroomSessionCookie(@Value("${samizdat.newsroom.secure-cookie:false}") boolean secure) {
        return context -> {
            SessionCookieConfig cookie = context.getSessionCookieConfig();
            cookie.setName(secure ? SECURE_NAME : PLAIN_NAME);
            cookie.setPath(secure ? "/" : "/newsroom");
            cookie.setSecure(secure);
            cookie.setHttpOnly(true);
            cookie.setDomain(null);
        };
    }
}
