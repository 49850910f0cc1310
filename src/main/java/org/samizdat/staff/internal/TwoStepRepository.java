package org.samizdat.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL about two-step sign-in: secrets, the last step used, recovery code hashes and the staff-wide rule. */
@Repository
class TwoStepRepository {

    private static final String REQUIRED = "staff.two-step-required";

    private final JdbcClient jdbc;

    TwoStepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> secret(long staffId) {
        return jdbc.sql("select totp_secret from staff where id = ? and totp_secret is not null").param(staffId)
                .query(String.class).optional();
    }

    void enable(long staffId, String secret, long usedStep, Collection<String> recoveryHashes) {
        jdbc.sql("update staff set totp_secret = ?, totp_last_step = ? where id = ?").params(secret, usedStep, staffId)
                .update();
        jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staffId).update();
        for (String hash : recoveryHashes) {
            jdbc.sql("insert into staff_recovery_code (staff_id, code_hash) values (?, ?)").params(staffId, hash).update();
        }
    }

    void disable(long staffId) {
        jdbc.sql("update staff set totp_secret = null, totp_last_step = null where id = ?").param(staffId).update();
        jdbc.sql("delete from staff_recovery_code where staff_id = ?").param(staffId).update();
    }

    /** Records the step as used; false when it (or a later one) already was, so each code works once. */
    boolean useStep(long staffId, long step) {
        return jdbc.sql("update staff set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
                .params(step, staffId, step).update() == 1;
    }

    boolean useRecoveryCode(long staffId, String hash, Instant now) {
        return jdbc.sql("update staff_recovery_code set used_at = ? where staff_id = ? and code_hash = ? and used_at is null")
                .params(Timestamp.from(now), staffId, hash).update() == 1;
    }

    int unusedRecoveryCodes(long staffId) {
        return jdbc.sql("select count(*) from staff_recovery_code where staff_id = ? and used_at is null").param(staffId)
                .query(Integer.class).single();
    }

    boolean required() {
        return jdbc.sql("select setting_value from setting where name = ?").param(REQUIRED).query(String.class)
                .optional().map(Boolean::parseBoolean).orElse(false);
    }

    void setRequired(boolean required) {
        jdbc.sql("delete from setting where name = ?").param(REQUIRED).update();
        jdbc.sql("insert into setting (name, setting_value) values (?, ?)").params(REQUIRED, String.valueOf(required))
                .update();
    }
}
