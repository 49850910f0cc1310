package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.samizdat.staff.StaffDirectory;

/** The bundled common-password list and the only two password rules: length and not common. */
class CommonPasswordsTest {

    @Test
    void theListHoldsTenThousandPasswordsComparedWithoutCase() {
        assertThat(CommonPasswords.size()).isEqualTo(10_000);
        assertThat(CommonPasswords.contains("password")).isTrue();
        assertThat(CommonPasswords.contains("PassWord ")).isTrue();
        assertThat(CommonPasswords.contains("correct horse battery staple")).isFalse();
        assertThat(CommonPasswords.contains(null)).isFalse();
    }

    @Test
    void lengthAndCommonnessAreTheOnlyRules() {
        assertThat(StaffDirectory.passwordProblem("short")).isEqualTo("newsroom.error.passwordLength");
        assertThat(StaffDirectory.passwordProblem("x".repeat(129))).isEqualTo("newsroom.error.passwordLength");
        assertThat(StaffDirectory.passwordProblem("football")).isEqualTo("newsroom.error.passwordCommon");
        assertThat(StaffDirectory.passwordProblem("alllowercasenodigits")).isNull();
        assertThat(StaffDirectory.passwordProblem("x".repeat(128))).isNull();
        assertThat(StaffDirectory.passwordProblem("пароль из слов")).isNull();
    }
}
