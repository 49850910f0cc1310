package org.samizdat.staff;

import java.time.Instant;

/** A staff account as the admin sees it in the staff list (never its password hash). */
public record StaffAccount(long id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {

    public StaffMember member() {
        return new StaffMember(id, username, displayName, role);
    }
}
