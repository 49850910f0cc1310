package org.samizdat.staff.internal;

import org.samizdat.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in: a staff member's authenticator app (TOTP) or one of ten one-time recovery codes, and the
 * admin's rule that every staff member must use it. Codes are accepted once; recovery codes are kept hashed.
 */
@Service
public class TwoStep {

    public static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TwoStepRepository repository;
    private final Clock clock;

    TwoStep(TwoStepRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public boolean enabled(long staffId) {
        return repository.secret(staffId).isPresent();
    }

    public boolean required() {
        return repository.required();
    }

    @Transactional
    public void require(boolean required) {
        repository.setRequired(required);
    }

    public String newSecret() {
        return Totp.newSecret();
    }

    /** The address an authenticator app takes (also typed by hand as the secret). */
    public String appLink(String issuer, String username, String secret) {
        String label = encode(issuer) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&digits=6&period=30";
    }

    /** Turns two-step sign-in on once the member proved their app works; returns the recovery codes, shown once. */
    @Transactional
    public List<String> enable(long staffId, String secret, String code) {
        long step = Totp.matchingStep(secret, code, Totp.step(clock.instant().getEpochSecond()));
        if (step < 0) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(hash(normalise(recovery)));
        }
        repository.enable(staffId, secret, step, hashes);
        return codes;
    }

    @Transactional
    public void disable(long staffId) {
        repository.disable(staffId);
    }

    /** Checks an app code or a recovery code for the member and uses it up; false for anything else. */
    @Transactional
    public boolean accept(long staffId, String code) {
        String secret = repository.secret(staffId).orElse(null);
        if (secret == null || code == null) {
            return false;
        }
        String digits = code.replaceAll("\\s", "");
        if (digits.matches("[0-9]{" + Totp.DIGITS + "}")) {
            long step = Totp.matchingStep(secret, digits, Totp.step(clock.instant().getEpochSecond()));
            return step >= 0 && repository.useStep(staffId, step);
        }
        String recovery = normalise(code);
        return recovery.length() == 10 && repository.useRecoveryCode(staffId, hash(recovery), clock.instant());
    }

    public int recoveryCodesLeft(long staffId) {
        return repository.unusedRecoveryCodes(staffId);
    }

    private static String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalise(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String hash(String text) {
        return Sha256.hex(text);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
