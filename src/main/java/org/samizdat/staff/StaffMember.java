package org.samizdat.staff;

/** A signed-in member of the newsroom, as other modules see them (never their password hash). */
public record StaffMember(long id, String username, String displayName, Role role) {

    public boolean canPublish() {
        return role.canPublish();
    }

    public boolean isAdmin() {
        return role.isAdmin();
    }

    /** Authors may only touch stories they created; editors and admins any. */
    public boolean mayEdit(Long storyCreatedBy) {
        return canPublish() || (storyCreatedBy != null && storyCreatedBy == id);
    }
}
