package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.checkout.ProviderRefs;
import org.samizdat.shared.Language;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention for checkouts never paid: past their period (7 days; bank transfers 30) they go with their pending plan
 * and the address they brought; paid gifts, fresh checkouts and donors with other gifts stay. The job is called
 * directly; it never runs in the background of a test context.
 */
@AppTest
class AbandonedCheckoutsTest {

    @Autowired
    AbandonedCheckouts retention;

    @Autowired
    PendingDonations pending;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    static String email(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Donation checkout(Frequency frequency, String method, String email, Duration age) {
        Donation d = pending.create(frequency, 1000, "USD", method, Language.EN, null, email, "Some Name", false);
        Timestamp then = Timestamp.from(Instant.now().minus(age));
        jdbc.sql("update revenue_donation set created_at = ? where id = ?").params(then, d.id()).update();
        return d;
    }

    void pay(Donation d) {
        ledger.appendStatus(d.id(), "PAID", "PAID", Instant.now(), null, new ProviderRefs("pi_" + d.id(), null, null,
                null), null, null);
    }

    boolean exists(Donation d) {
        return jdbc.sql("select count(*) from revenue_donation where id = ?").param(d.id()).query(Integer.class)
                .single() == 1;
    }

    int supporters(UUID id) {
        return jdbc.sql("select count(*) from revenue_supporter where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void checkoutsNeverPaidAreDeletedWithTheirAddressAfterTheirRetentionPeriod() {
        Donation oldOnce = checkout(Frequency.ONCE, "test", email("old-once"), Duration.ofDays(8));
        Donation oldMonthly = checkout(Frequency.MONTHLY, "test", email("old-monthly"), Duration.ofDays(9));
        Donation oldFailed = checkout(Frequency.ONCE, "test", email("old-failed"), Duration.ofDays(10));
        ledger.appendStatus(oldFailed.id(), "FAILED", "FAILED", Instant.now(), null, null, null, null);
        Donation fresh = checkout(Frequency.ONCE, "test", email("fresh"), Duration.ofDays(6));
        Donation oldPaid = checkout(Frequency.ONCE, "test", email("old-paid"), Duration.ofDays(40));
        pay(oldPaid);
        Donation bankWaiting = checkout(Frequency.ONCE, "bank", email("bank-waiting"), Duration.ofDays(20));
        Donation bankGone = checkout(Frequency.ONCE, "bank", email("bank-gone"), Duration.ofDays(31));
        String regular = email("regular");
        Donation regularPaid = checkout(Frequency.ONCE, "test", regular, Duration.ofDays(60));
        pay(regularPaid);
        Donation regularAbandoned = checkout(Frequency.ONCE, "test", regular, Duration.ofDays(30));
        UUID monthlyPlan = oldMonthly.planId();

        int deleted = retention.purge();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(exists(oldOnce)).isFalse();
        assertThat(supporters(oldOnce.supporterId())).as("its address went with it").isZero();
        assertThat(exists(oldMonthly)).isFalse();
        assertThat(jdbc.sql("select count(*) from revenue_plan where id = ?").param(monthlyPlan).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from revenue_plan_change where plan_id = ?").param(monthlyPlan)
                .query(Integer.class).single()).isZero();
        assertThat(supporters(oldMonthly.supporterId())).isZero();
        assertThat(exists(oldFailed)).isFalse();
        assertThat(exists(bankGone)).isFalse();
        assertThat(exists(regularAbandoned)).isFalse();
        assertThat(jdbc.sql("select count(*) from revenue_donation_status where donation_id in (?, ?, ?)")
                .params(oldOnce.id(), oldMonthly.id(), oldFailed.id()).query(Integer.class).single()).isZero();

        assertThat(exists(fresh)).isTrue();
        assertThat(exists(oldPaid)).isTrue();
        assertThat(supporters(oldPaid.supporterId())).isEqualTo(1);
        assertThat(exists(bankWaiting)).as("a bank transfer may take weeks").isTrue();
        assertThat(exists(regularPaid)).isTrue();
        assertThat(supporters(regularPaid.supporterId())).as("a donor with a paid gift keeps their record").isEqualTo(1);
        assertThat(audit.recent(20, 0)).anyMatch(e -> e.action() == AuditAction.ABANDONED_CHECKOUTS_DELETED);

        assertThat(retention.purge()).as("nothing left to delete").isZero();
    }
}
