package org.samizdat.staff;

/** What a staff member may do: authors write their own drafts, editors publish anything, admins also run staff and settings. */
public enum Role {
    AUTHOR, EDITOR, ADMIN;

    public boolean canPublish() {
        return this != AUTHOR;
    }

    public boolean isAdmin() {
        return this == ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
