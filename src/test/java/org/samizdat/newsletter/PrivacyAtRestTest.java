package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Addresses sealed at rest, rows from before sealing sealed on start, unconfirmed sign-ups expired. */
@MailAppTest
class PrivacyAtRestTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    ApplicationContext context;

    @Test
    void noAddressIsStoredInClearAndAddressesStayUnique() throws Exception {
        String email = "sealed@rest.example";
        new Reader(port).signUp("en", email);
        new Reader(port).signUp("ru", "SEALED@Rest.example");
        TestMailServer.await(email, 2);
        List<Map<String, Object>> rows = jdbc.sql("select * from subscriber where email_lookup = ?")
                .param(personal.emailLookup(email)).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("email")).isNull();
        assertThat((String) rows.get(0).get("email_sealed")).startsWith("pd1:").doesNotContain("sealed").doesNotContain("rest");
        assertThat(personal.open((String) rows.get(0).get("email_sealed"))).isEqualTo(email);
        assertThat(jdbc.sql("select count(*) from subscriber where email is not null").query(Integer.class).single()).isZero();
    }

    @Test
    void rowsWrittenBeforeSealingAreSealedOnStart() throws Exception {
        jdbc.sql("insert into subscriber (email, created_at) values ('legacy@rest.example', current_timestamp)").update();
        ((InitializingBean) context.getBean("addressSealing")).afterPropertiesSet();
        Map<String, Object> row = jdbc.sql("select * from subscriber where email_lookup = ?")
                .param(personal.emailLookup("legacy@rest.example")).query().singleRow();
        assertThat(row.get("email")).isNull();
        assertThat(personal.open((String) row.get("email_sealed"))).isEqualTo("legacy@rest.example");
    }

    @Test
    void unconfirmedSignUpsAreErasedAfterTheRetentionPeriod() throws Exception {
        new Reader(port).signUp("en", "stale@retention.example");
        new Reader(port).signUp("en", "fresh@retention.example");
        TestMailServer.await("stale@retention.example", 1);
        TestMailServer.await("fresh@retention.example", 1);
        jdbc.sql("""
                update consent set requested_at = ? where subscription_id in (select s.id from subscription s
                join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?)""")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(31))), personal.emailLookup("stale@retention.example"))
                .update();
        Object retention = context.getBean("retention");
        retention.getClass().getMethod("purge").invoke(retention);

        assertThat(jdbc.sql("select count(*) from subscriber where email_lookup = ?")
                .param(personal.emailLookup("stale@retention.example")).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select s.status from subscription s join subscriber r on r.id = s.subscriber_id"
                + " where r.email_lookup = ?").param(personal.emailLookup("fresh@retention.example"))
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from subscription where status = 'ERASED'").query(Integer.class).single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from subscriber_token t join subscription s on s.id = t.subscription_id"
                + " where s.status = 'ERASED'").query(Integer.class).single()).as("its links die").isZero();
        assertThat(jdbc.sql("select count(*) from consent c join subscription s on s.id = c.subscription_id"
                + " where s.status = 'ERASED' and c.client_hmac is null").query(Integer.class).single())
                .as("the record of what was asked stays, without the client hash").isPositive();
    }
}
