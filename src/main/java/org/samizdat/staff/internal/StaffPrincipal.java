package org.samizdat.staff.internal;

import java.util.Collection;
import java.util.List;
import org.samizdat.staff.CurrentStaff;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffAccount;
import org.samizdat.staff.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member as Spring Security holds them in the session; the hash is erased after sign-in. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, CurrentStaff.SignedIn {

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;

    StaffPrincipal(StaffAccount account, String passwordHash) {
        this.id = account.id();
        this.username = account.username();
        this.displayName = account.displayName();
        this.role = account.role();
        this.enabled = account.enabled();
        this.passwordHash = passwordHash;
    }

    long id() {
        return id;
    }

    Role role() {
        return role;
    }

    @Override
    public StaffMember member() {
        return new StaffMember(id, username, displayName, role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + id + "]";
    }
}
