package org.samizdat.staff;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The staff member signed in on the current request, for code that cannot take a {@link StaffMember} parameter. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static Optional<StaffMember> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedIn signedIn) {
            return Optional.of(signedIn.member());
        }
        return Optional.empty();
    }

    /** Implemented by the security principal so the staff member can be read without knowing its class. */
    public interface SignedIn {
        StaffMember member();
    }
}
