package org.samizdat.staff;

import org.samizdat.shared.Language;
import org.samizdat.shared.web.Texts;

/**
 * What every newsroom page needs besides its own data: the staff member's interface language and words,
 * who is signed in (null on the sign-in page) and the CSRF token each POST form carries as a hidden field.
 */
public record NewsroomPage(Language language, Texts t, StaffMember who, String csrfParameter, String csrfToken) {

    public String lang() {
        return language.code();
    }

    public boolean signedIn() {
        return who != null;
    }
}
