package org.samizdat.staff.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The newsroom session cookie. Served over HTTPS ({@code samizdat.newsroom.secure-cookie=true}) it is
 * {@code __Host-newsroom}: Secure, Path=/, no Domain, so no other host or plain-HTTP page can set or read it. The
 * {@code __Host-} prefix demands Path=/, so the cookie then also travels with public page requests; the public
 * chain never reads a session and the page cache ignores this cookie, so public pages stay identical for
 * everyone. Over plain HTTP (a laptop) browsers refuse Secure cookies, so it is {@code newsroom} with
 * Path=/newsroom. Always HttpOnly and SameSite=Lax. Sessions themselves live in the database (Spring Session
 * JDBC), so a staff member signed in on one app node is signed in on every node.
 */
@Configuration
class SessionCookie {

    static final String SECURE_NAME = "__Host-newsroom";
    static final String PLAIN_NAME = "newsroom";

    @Bean
    CookieSerializer newsroomSessionCookie(@Value("${samizdat.newsroom.secure-cookie:false}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(secure ? SECURE_NAME : PLAIN_NAME);
        cookie.setCookiePath(secure ? "/" : "/newsroom");
        cookie.setUseSecureCookie(secure);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseBase64Encoding(false);
        return cookie;
    }
}
