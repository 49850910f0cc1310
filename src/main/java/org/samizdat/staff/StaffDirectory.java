package org.samizdat.staff;

import java.util.List;
import java.util.Optional;
import org.samizdat.staff.internal.CommonPasswords;
import org.samizdat.staff.internal.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: creating them, changing roles and passwords, disabling them. Hashes never leave this class. */
@Service
public class StaffDirectory {

    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 128;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;

    StaffDirectory(StaffAccounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** Usernames are case-insensitive; they are stored and compared in lower case. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public static boolean validUsername(String username) {
        return username != null && username.matches("[a-z0-9][a-z0-9._-]{1,79}");
    }

    public static boolean acceptablePassword(String password) {
        return passwordProblem(password) == null;
    }

    /**
     * Why a new password is refused (a message key taking the minimum and maximum length), or null. Length and the
     * common-password list are the only rules: no composition rules, which only push people to predictable patterns.
     */
    public static String passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return "newsroom.error.passwordLength";
        }
        return CommonPasswords.contains(password) ? "newsroom.error.passwordCommon" : null;
    }

    public List<StaffAccount> all() {
        return accounts.all();
    }

    public Optional<StaffAccount> find(long id) {
        return accounts.find(id);
    }

    public boolean usernameTaken(String username) {
        return accounts.findByUsername(normalise(username)).isPresent();
    }

    @Transactional
    public long create(String username, String displayName, Role role, String password) {
        if (!acceptablePassword(password)) {
            throw new IllegalArgumentException("Unacceptable password");
        }
        return accounts.insert(normalise(username), displayName.strip(), role, passwords.encode(password));
    }

    public void changeRole(long id, Role role) {
        accounts.setRole(id, role);
    }

    /** A disabled account cannot sign in, and its open sessions stop working on their next request. */
    public void setEnabled(long id, boolean enabled) {
        accounts.setEnabled(id, enabled);
    }

    public void changePassword(long id, String password) {
        if (!acceptablePassword(password)) {
            throw new IllegalArgumentException("Unacceptable password");
        }
        accounts.setPasswordHash(id, passwords.encode(password));
    }

    public boolean passwordMatches(long id, String password) {
        return accounts.passwordHash(id).map(hash -> passwords.matches(password, hash)).orElse(false);
    }
}
