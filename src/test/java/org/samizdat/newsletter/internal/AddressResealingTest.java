package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.AppTest;
import org.samizdat.support.RotatedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** After a personal-data key rotation, subscribers' addresses sealed under the old key are sealed again under the new one. */
@AppTest
@TestPropertySource(properties = "samizdat.privacy.keys=" + RotatedKeys.AFTER)
class AddressResealingTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    SubscriptionRepository subscriptions;

    @Test
    void addressesUnderTheOldKeyAreResealedOnceAndStillOpen() {
        String email = "rotated-reader@example.org";
        jdbc.sql("insert into subscriber (email_lookup, email_sealed, created_at) values (?, ?, ?)")
                .params(personal.emailLookup(email), RotatedKeys.before().seal(email), Timestamp.from(Instant.now())).update();

        assertThat(subscriptions.resealOldKeys(100)).isEqualTo(1);
        assertThat(subscriptions.resealOldKeys(100)).as("nothing left under the old key").isZero();

        String sealed = jdbc.sql("select email_sealed from subscriber where email_lookup = ?")
                .param(personal.emailLookup(email)).query(String.class).single();
        assertThat(sealed).startsWith("pd1:k2:");
        assertThat(personal.open(sealed)).isEqualTo(email);
    }
}
