package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppTest;
import org.samizdat.support.RotatedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** After a personal-data key rotation, supporters' addresses and names sealed under the old key are sealed again. */
@AppTest
@TestPropertySource(properties = "samizdat.privacy.keys=" + RotatedKeys.AFTER)
class SupporterResealingTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    SupporterRepository supporters;

    @Test
    void addressesAndNamesUnderTheOldKeyAreResealedOnce() {
        UUID id = UUID.randomUUID();
        PersonalData before = RotatedKeys.before();
        jdbc.sql("insert into revenue_supporter (id, email_sealed, email_lookup, name_sealed, anonymous, language, created_at)"
                        + " values (?, ?, ?, ?, false, 'ru', ?)")
                .params(id, before.seal("donor@example.org"), personal.emailLookup("donor@example.org"), before.seal("Анна"),
                        Timestamp.from(Instant.now())).update();

        assertThat(supporters.resealOldKeys(100)).isEqualTo(1);
        assertThat(supporters.resealOldKeys(100)).isZero();

        Supporter supporter = supporters.find(id).orElseThrow();
        assertThat(supporter.email()).isEqualTo("donor@example.org");
        assertThat(supporter.name()).isEqualTo("Анна");
        assertThat(jdbc.sql("select email_sealed || ' ' || name_sealed from revenue_supporter where id = ?").param(id)
                .query(String.class).single()).matches("pd1:k2:\\S+ pd1:k2:\\S+");
    }
}
