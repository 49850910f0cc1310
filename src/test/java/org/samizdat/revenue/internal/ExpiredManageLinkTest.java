package org.samizdat.revenue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.Donor;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A self-service link past its expiry is refused plainly on every page and action, and changes nothing. */
@MailAppTest
class ExpiredManageLinkTest {

    @LocalServerPort
    int port;

    @Autowired
    RevenueSecret secret;

    @Autowired
    RevenueProperties properties;

    @Autowired
    PendingDonations pending;

    @Autowired
    SupporterRepository supporters;

    ManageTokens issuedAt(Instant when) {
        return new ManageTokens(secret, Clock.fixed(when, ZoneOffset.UTC), properties);
    }

    @Test
    void anExpiredLinkAnswersPlainlyAndErasesNothing() throws Exception {
        Donation d = pending.create(Frequency.MONTHLY, 900, "USD", "test", Language.EN, null,
                "expired-link@example.org", "Late Reader", false);
        Instant longAgo = Instant.now().minus(properties.manageLinkTtl()).minus(Duration.ofHours(1));
        String expired = "/support/manage/" + issuedAt(longAgo).issue(d.planId());
        String fresh = "/support/manage/" + issuedAt(Instant.now()).issue(d.planId());
        Donor donor = new Donor(port);

        assertThat(donor.get(fresh).statusCode()).as("the same link issued now works").isEqualTo(200);
        for (HttpResponse<String> refused : List.of(donor.get(expired), donor.get(expired + "/erase"),
                donor.post(expired + "/erase", Map.of()), donor.post(expired + "/export", Map.of()))) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).contains("This link is not valid or has expired")
                    .doesNotContain("expired-link@example.org");
            assertThat(refused.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        }
        assertThat(supporters.find(d.supporterId()).orElseThrow().email()).isEqualTo("expired-link@example.org");
    }
}
