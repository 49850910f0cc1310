package org.samizdat.staff.internal;

import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.StaffDirectory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a staff password behind the sign-in throttle. Whatever went wrong (unknown name, wrong password,
 * disabled or locked account) comes out as the same exception, so the page can only say one thing.
 * When the account uses two-step sign-in, the code (app or recovery) must be right too.
 * Old hashes (bcrypt) are re-hashed with the current encoder (Argon2id) on a successful sign-in.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final TwoStep twoStep;

    ThrottledSignIn(StaffAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit,
            TwoStep twoStep) {
        this.throttle = throttle;
        this.audit = audit;
        this.twoStep = twoStep;
        this.passwords = new DaoAuthenticationProvider(username -> accounts.principal(StaffDirectory.normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such staff member")));
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService((user, newHash) -> {
            accounts.setPasswordHash(user.getUsername(), newHash);
            return user;
        });
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        if (throttle.refused(username, address)) {
            audit.record(null, AuditAction.SIGN_IN_REFUSED, refusedSubject(username, "locked"));
            throw new LockedException("Too many failed attempts");
        }
        try {
            Authentication result = passwords.authenticate(attempt);
            if (result.getPrincipal() instanceof StaffPrincipal principal && twoStep.enabled(principal.id())) {
                String code = attempt.getDetails() instanceof SignInDetails details ? details.code() : null;
                if (!twoStep.accept(principal.id(), code)) {
                    throw new BadCredentialsException("Second step missing or wrong");
                }
            }
            throttle.succeeded(username);
            if (result.getPrincipal() instanceof StaffPrincipal principal) {
                audit.record(principal.member(), AuditAction.SIGNED_IN, null);
            }
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.record(null, AuditAction.SIGN_IN_REFUSED, refusedSubject(username, "wrong"));
            throw new BadCredentialsException("Sign-in refused");
        }
    }

    /** Names the account only by a hash prefix: what was typed as a username may be a mistyped password. */
    private static String refusedSubject(String username, String reason) {
        return reason + " · account " + SignInThrottle.accountKey(username).substring(2, 14);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
