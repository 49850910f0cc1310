package org.samizdat.staff;

import org.samizdat.shared.Language;
import org.samizdat.shared.web.Texts;

/**
 * What every newsroom page needs besides its own data: the staff member's interface language and words,
 * who is signed in (null on the sign-in page), the CSRF token each POST form carries as a hidden field, and the
 * Content-Security-Policy nonce an inline {@code <script nonce="…">} needs.
 */
public record NewsroomPage(Language language, Texts t, StaffMember who, String csrfParameter, String csrfToken,
        String cspNonce) {

    public String lang() {
        return language.code();
    }

    public boolean signedIn() {
        return who != null;
    }
}
