package org.samizdat.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** What the sign-in form sent besides name and password: the two-step code, when there is one. */
final class SignInDetails extends WebAuthenticationDetails {

    private final transient String code;

    SignInDetails(HttpServletRequest request) {
        super(request);
        String raw = request.getParameter("code");
        this.code = raw == null || raw.length() > 40 ? null : raw.strip();
    }

    String code() {
        return code;
    }
}
