package org.samizdat.staff.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.samizdat.staff.StaffAccount;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every newsroom request: a disabled or deleted account loses its session
 * at once, and a changed role or name applies from the next click, not the next sign-in. A session past its
 * idle or absolute limit ({@link SessionLimits}) ends the same way.
 */
final class StaffSessionCheck extends OncePerRequestFilter {

    private final StaffAccounts accounts;
    private final SessionLimits limits;

    StaffSessionCheck(StaffAccounts accounts, SessionLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal signedIn) {
            HttpSession session = request.getSession(false);
            Optional<StaffAccount> account = session == null || limits.expired(session) ? Optional.empty()
                    : accounts.find(signedIn.id()).filter(StaffAccount::enabled);
            if (account.isEmpty()) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (account.get().role() != signedIn.role()
                    || !Objects.equals(account.get().displayName(), signedIn.member().displayName())) {
                StaffPrincipal fresh = new StaffPrincipal(account.get(), null);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                        fresh.getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
