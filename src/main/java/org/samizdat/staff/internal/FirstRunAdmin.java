package org.samizdat.staff.internal;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Optional;
import org.samizdat.shared.web.SiteProperties;
import org.samizdat.staff.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On a fresh install (no staff at all) creates the {@code admin} account with a random password and shows
 * it once on the console, never in the log. Does nothing once any staff account exists, on any node.
 */
@Component
class FirstRunAdmin implements ApplicationRunner {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    private final StaffAccounts accounts;
    private final PasswordEncoder passwords;
    private final SiteProperties site;
    private final SecureRandom random = new SecureRandom();

    FirstRunAdmin(StaffAccounts accounts, PasswordEncoder passwords, SiteProperties site) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.site = site;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoStaff(System.out);
    }

    /** The password of the account just created, or empty when there already was staff. */
    Optional<String> createIfNoStaff(PrintStream console) {
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String password = newPassword();
        boolean created;
        try {
            created = accounts.insertIfNoStaff("admin", "Administrator", Role.ADMIN, passwords.encode(password));
        } catch (DuplicateKeyException raceLost) {
            created = false;
        }
        if (!created) {
            return Optional.empty();
        }
        String line = "First-run newsroom sign-in: " + site.canonicalOrigin() + "/newsroom user admin password "
                + password + " — change it after signing in";
        String rule = "═".repeat(line.length() + 2);
        console.println();
        console.println("╔" + rule + "╗");
        console.println("║ " + line + " ║");
        console.println("╚" + rule + "╝");
        console.println();
        console.flush();
        return Optional.of(password);
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
