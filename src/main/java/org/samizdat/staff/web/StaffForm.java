package org.samizdat.staff.web;

import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;

/** The admin's "new staff account" form, kept as typed so a rejected form comes back filled in. */
public record StaffForm(String username, String displayName, String role, String password) {

    static StaffForm blank() {
        return new StaffForm("", "", Role.AUTHOR.name(), "");
    }

    Role parsedRole() {
        try {
            return Role.valueOf(role);
        } catch (RuntimeException e) {
            return null;
        }
    }

    FieldErrors check(Texts t, StaffDirectory staff) {
        FieldErrors errors = new FieldErrors(t)
                .required("username", username).maxLength("username", username, 80)
                .required("displayName", displayName).maxLength("displayName", displayName, 120);
        String name = StaffDirectory.normalise(username);
        if (!errors.has("username") && !StaffDirectory.validUsername(name)) {
            errors.add("username", "newsroom.staff.usernameFormat");
        }
        if (!errors.has("username") && staff.usernameTaken(name)) {
            errors.add("username", "newsroom.staff.usernameTaken");
        }
        if (parsedRole() == null) {
            errors.add("role", "newsroom.error.choose");
        }
        String problem = StaffDirectory.passwordProblem(password);
        if (problem != null) {
            errors.add("password", problem, StaffDirectory.MIN_PASSWORD, StaffDirectory.MAX_PASSWORD);
        }
        return errors;
    }
}
