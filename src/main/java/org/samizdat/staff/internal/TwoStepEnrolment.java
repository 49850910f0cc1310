package org.samizdat.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** When an admin requires two-step sign-in, a member without it can only reach the page that sets it up. */
final class TwoStepEnrolment extends OncePerRequestFilter {

    static final String SETUP = "/newsroom/account/two-step";

    private final TwoStep twoStep;

    TwoStepEnrolment(TwoStep twoStep) {
        this.twoStep = twoStep;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean exempt = path.startsWith(SETUP) || path.equals("/newsroom/signout") || path.equals("/newsroom/forbidden");
        if (!exempt && auth != null && auth.getPrincipal() instanceof StaffPrincipal member && twoStep.required()
                && !twoStep.enabled(member.id())) {
            response.sendRedirect(request.getContextPath() + SETUP);
            return;
        }
        chain.doFilter(request, response);
    }
}
