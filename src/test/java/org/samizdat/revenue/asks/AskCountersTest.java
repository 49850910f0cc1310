package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.DonationCompleted;
import org.samizdat.revenue.Frequency;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The aggregate counters: what readers' browsers may report, how often, what is stored, and the newsroom report. */
@AppTest
class AskCountersTest extends AsksOnPages {

    @Autowired
    StaffDirectory staff;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void freshLimits() {
        counters.clearLimits();
    }

    HttpResponse<String> beacon(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void browsersReportShownOpenedAndContinuedAndDonationsComplete() throws Exception {
        long modal = live().everyKind(Language.EN, "counted");
        HttpResponse<String> shown = beacon("/support/asks/" + modal + "/shown", "Sec-Fetch-Site", "same-origin");
        assertThat(shown.statusCode()).isEqualTo(204);
        assertThat(shown.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
        beacon("/support/asks/" + modal + "/shown");
        beacon("/support/asks/" + modal + "/continued");
        events.publishEvent(new DonationCompleted(UUID.randomUUID(), String.valueOf(modal), Frequency.MONTHLY, 500,
                "USD", "test"));
        events.publishEvent(new DonationCompleted(UUID.randomUUID(), null, Frequency.ONCE, 500, "USD", "test"));
        events.publishEvent(new DonationCompleted(UUID.randomUUID(), "not-an-ask", Frequency.ONCE, 500, "USD", "test"));

        assertThat(hits(modal, "shown")).isEqualTo(2);
        assertThat(hits(modal, "continued")).isEqualTo(1);
        assertThat(hits(modal, "completed")).isEqualTo(1);
        assertThat(hits(modal, "opened")).isZero();

        String username = NewsroomClient.unique("report");
        staff.create(username, "Report Editor", Role.EDITOR, "report password 123");
        NewsroomClient editor = new NewsroomClient(port);
        editor.signIn(username, "report password 123");
        String report = editor.get("/newsroom/asks").body();
        assertThat(report).contains("data-ask=\"" + modal + "\"><td><a href=\"/newsroom/asks/" + modal
                + "\">modal counted</a></td><td>support dialog</td><td>en</td><td>2</td><td>0 (0%)</td><td>1 (50%)</td><td>1</td><td>50%</td>");
    }

    @Test
    void unknownVariantsEventsAndOtherSitesAreRefused() throws Exception {
        long modal = live().everyKind(Language.EN, "refused");
        assertThat(beacon("/support/asks/999999999/shown").statusCode()).isEqualTo(404);
        assertThat(beacon("/support/asks/abc/shown").statusCode()).isEqualTo(404);
        assertThat(beacon("/support/asks/" + modal + "/completed").statusCode()).isEqualTo(404);
        assertThat(beacon("/support/asks/" + modal + "/clicked").statusCode()).isEqualTo(404);
        assertThat(beacon("/support/asks/" + modal + "/SHOWN").statusCode()).isEqualTo(404);
        assertThat(beacon("/support/asks/" + modal + "/shown", "Sec-Fetch-Site", "cross-site").statusCode())
                .isEqualTo(403);
        assertThat(beacon("/support/asks/99999999999999999999999/shown").statusCode()).isEqualTo(404);
        assertThat(hits(modal, "shown")).isZero();
        assertThat(hits(modal, "completed")).isZero();
    }

    @Test
    void oneClientMayReportOnlySoOftenAMinute() throws Exception {
        long modal = live().everyKind(Language.EN, "limited");
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 70; i++) {
            int status = beacon("/support/asks/" + modal + "/opened").statusCode();
            accepted += status == 204 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(60);
        assertThat(refused).isEqualTo(10);
        assertThat(hits(modal, "opened")).isEqualTo(60);
    }

    @Test
    void countersKeepNothingAboutReaders() {
        List<String> columns = jdbc.sql("""
                select lower(column_name) from information_schema.columns where lower(table_name) = 'ask_count'
                and lower(table_schema) = lower(current_schema) order by lower(column_name)""").query(String.class).list();
        assertThat(columns).containsExactly("ask_id", "event", "hits", "on_day");
    }
}
