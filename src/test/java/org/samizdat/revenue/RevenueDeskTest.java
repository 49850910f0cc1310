package org.samizdat.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.internal.RevenueSettings;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The newsroom's side: roles, settings, bank transfers marked received, test renewals, the goal with exchange
 * rates, and the CSV export (admins only, audited, safe to open in a spreadsheet).
 */
@MailAppTest
class RevenueDeskTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Settings settings;

    @Autowired
    AuditLog audit;

    @AfterEach
    void defaults() {
        Map<String, String> reset = new HashMap<>();
        for (String name : RevenueSettings.NAMES) {
            reset.put(name, name.equals("currencies") ? "USD EUR" : name.equals("methods") ? "test stripe btcpay bank"
                    : new RevenueSettings(Map.of()).get(name));
        }
        settings.save(reset);
    }

    NewsroomClient as(Role role) throws Exception {
        String username = NewsroomClient.unique("rev");
        staff.create(username, "Revenue " + role, role, "revenue password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "revenue password 123");
        return client;
    }

    void set(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        settings.save(values);
    }

    UUID pay(Donor donor, String... pairs) throws Exception {
        String page = Donor.location(donor.checkout(pairs));
        assertThat(page).startsWith("/support/test-checkout/");
        assertThat(donor.post(page, Donor.form("outcome", "pay")).statusCode()).isEqualTo(302);
        return UUID.fromString(page.substring("/support/test-checkout/".length()));
    }

    @Test
    void onlyEditorsAndAdminsSeeTheDeskAndOnlyAdminsDonorData() throws Exception {
        NewsroomClient author = as(Role.AUTHOR);
        assertThat(author.get("/newsroom/revenue").statusCode()).isEqualTo(403);
        assertThat(author.get("/newsroom/revenue/donations").statusCode()).isEqualTo(403);
        NewsroomClient editor = as(Role.EDITOR);
        assertThat(editor.get("/newsroom/revenue").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/revenue/donations?status=PAID&frequency=once&from=2020-01-01").statusCode())
                .isEqualTo(200);
        assertThat(editor.get("/newsroom/revenue/plans").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/revenue/settings").statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/revenue/supporters").statusCode()).isEqualTo(403);
        assertThat(editor.get("/newsroom/revenue/donations.csv").statusCode()).isEqualTo(403);
        NewsroomClient admin = as(Role.ADMIN);
        assertThat(admin.get("/newsroom/revenue/settings").statusCode()).isEqualTo(200);
        assertThat(admin.get("/newsroom/revenue/supporters").statusCode()).isEqualTo(200);
        assertThat(new Donor(port).get("/newsroom/revenue").statusCode()).isEqualTo(302);
    }

    @Test
    void settingsAreCheckedThenShownOnTheSupportPage() throws Exception {
        NewsroomClient admin = as(Role.ADMIN);
        admin.get("/newsroom/revenue/settings");
        Map<String, String> form = new HashMap<>();
        RevenueSettings.NAMES.forEach(name -> form.put(name, settings.current().get(name)));
        form.put("currencies", "USD DOLLARS");
        form.put("limits", "USD 10 5");
        assertThat(admin.post("/newsroom/revenue/settings", form).statusCode()).isEqualTo(422);
        form.put("currencies", "EUR USD");
        form.put("limits", "EUR 2 500\nUSD 1 10000");
        form.put("note.en", "Use a card not issued in your country.");
        form.put("appeal.en", "Dear reader, we need you.");
        HttpResponse<String> saved = admin.post("/newsroom/revenue/settings", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(audit.recent(1, 0).get(0).action()).isEqualTo(AuditAction.REVENUE_SETTINGS_SAVED);
        var page = Jsoup.parse(new Donor(port).get("/en/support").body());
        assertThat(page.select(".donor-safety").text()).contains("Use a card not issued in your country.");
        assertThat(page.select(".appeal").text()).isEqualTo("Dear reader, we need you.");
        assertThat(page.select("select[name=currency] option").first().val()).isEqualTo("EUR");
        HttpResponse<String> tooLarge = new Donor(port).checkout("frequency", "once", "amount", "501", "currency",
                "EUR", "method", "test", "lang", "en");
        assertThat(tooLarge.statusCode()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("€500");
    }

    @Test
    void aBankTransferIsCreditedWhenAnEditorMarksItReceived() throws Exception {
        set("bank.details", "IBAN LV00 TEST 0000 0000 0000 0");
        Donor donor = new Donor(port);
        HttpResponse<String> monthly = donor.checkout("frequency", "monthly", "amount", "40", "currency", "EUR",
                "method", "bank", "lang", "en");
        assertThat(monthly.statusCode()).isEqualTo(422);
        assertThat(monthly.body()).contains("A bank transfer is a one-time gift");
        HttpResponse<String> started = donor.checkout("frequency", "once", "amount", "40", "currency", "EUR",
                "method", "bank", "lang", "en");
        assertThat(started.statusCode()).isEqualTo(302);
        String page = Donor.location(started);
        assertThat(page).startsWith("/support/bank/");
        UUID id = UUID.fromString(page.substring("/support/bank/".length()));
        var instructions = Jsoup.parse(donor.get(page).body());
        String reference = instructions.select(".reference").text();
        assertThat(reference).matches("SZ-[A-Z2-9]{8}");
        assertThat(instructions.select(".bank-details").text()).contains("IBAN LV00");

        assertThat(as(Role.AUTHOR).post("/newsroom/revenue/donations/" + id + "/received", Map.of()).statusCode())
                .isEqualTo(403);
        NewsroomClient editor = as(Role.EDITOR);
        assertThat(editor.get("/newsroom/revenue/donations?method=bank").body()).contains(reference);
        assertThat(editor.post("/newsroom/revenue/donations/" + id + "/received", Map.of()).statusCode()).isEqualTo(302);
        assertThat(editor.post("/newsroom/revenue/donations/" + id + "/received", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from revenue_donation_status where donation_id = ? and status = 'PAID'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        assertThat(audit.recent(1, 0).get(0).action()).isEqualTo(AuditAction.BANK_TRANSFER_RECEIVED);
    }

    @Test
    void theGoalAddsOneTimeGiftsAndMonthlyEquivalentsAtTheNewsroomsRates() throws Exception {
        set("goal.amount", "1000", "goal.currency", "USD", "rates", "EUR 1.10");
        Donor donor = new Donor(port);
        Map<String, Object> before = goal(donor);
        pay(donor, "frequency", "once", "amount", "100", "currency", "USD", "method", "test", "lang", "en");
        pay(donor, "frequency", "once", "amount", "50", "currency", "EUR", "method", "test", "lang", "en");
        pay(donor, "frequency", "monthly", "amount", "30", "currency", "USD", "method", "test", "lang", "en");
        pay(donor, "frequency", "annual", "amount", "120", "currency", "EUR", "method", "test", "lang", "en");
        HttpResponse<String> json = donor.get("/support/goal.json");
        assertThat(json.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        Map<String, Object> after = goal(donor);
        long added = ((Number) after.get("raised")).longValue() - ((Number) before.get("raised")).longValue();
        assertThat(added).isEqualTo(100_00 + 55_00 + 30_00 + 11_00);
        assertThat(((Number) after.get("goal")).longValue()).isEqualTo(100_000L);
        assertThat(after.get("currency")).isEqualTo("USD");
        assertThat(((Number) after.get("percent")).longValue())
                .isEqualTo(((Number) after.get("raised")).longValue() * 100 / 100_000);
        assertThat((String) after.get("month")).matches("20[0-9]{2}-[0-9]{2}");
    }

    @Test
    void aTestRenewalFromTheNewsroomCreditsANewEntry() throws Exception {
        UUID origin = pay(new Donor(port), "frequency", "monthly", "amount", "9", "currency", "USD", "method", "test",
                "lang", "en");
        UUID plan = jdbc.sql("select id from revenue_plan where origin_donation_id = ?").param(origin)
                .query(UUID.class).single();
        NewsroomClient editor = as(Role.EDITOR);
        assertThat(editor.get("/newsroom/revenue/plans").body()).contains(plan.toString());
        assertThat(editor.post("/newsroom/revenue/plans/" + plan + "/renew", Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("""
                select count(*) from revenue_donation d join revenue_donation_status s on s.donation_id = d.id
                where d.plan_id = ? and d.kind = 'RENEWAL' and s.status = 'PAID'
                """).param(plan).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theCsvExportIsForAdminsAuditedAndDefusesFormulas() throws Exception {
        Donor donor = new Donor(port);
        String email = "csv-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        pay(donor, "frequency", "once", "amount", "3", "currency", "USD", "method", "test", "lang", "en", "email",
                email, "name", "=HYPERLINK(\"http://evil.example\",\"x\")", "ask", "-cmd");
        NewsroomClient admin = as(Role.ADMIN);
        HttpResponse<String> csv = admin.get("/newsroom/revenue/donations.csv?method=test");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        String row = csv.body().lines().filter(l -> l.contains(email)).findFirst().orElseThrow();
        assertThat(row).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"").contains(",'-cmd,")
                .doesNotContain(",=").doesNotContain(",-cmd");
        assertThat(audit.recent(1, 0).get(0).action()).isEqualTo(AuditAction.DONATIONS_EXPORTED);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> goal(Donor donor) throws Exception {
        String body = donor.get("/support/goal.json").body();
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(body, Map.class);
    }

}
