package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.internal.RevenueSettings;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditEntry;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Edits of asks and revenue settings land in the staff audit log, with who and which fields, shown to admins only. */
@AppTest
class AskAuditTest extends AsksOnPages {

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    AuditLog audit;

    @Autowired
    Settings settings;

    NewsroomClient signedIn(Role role, String displayName) throws Exception {
        throttle.clear();
        String username = NewsroomClient.unique("audit-asks");
        staff.create(username, displayName, role, "audit asks password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "audit asks password 123");
        return client;
    }

    List<AuditEntry> entries(AuditAction action) {
        return audit.recent(200, 0).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void creatingAndChangingAnAskIsAuditedWithTheFieldsChanged() throws Exception {
        NewsroomClient editor = signedIn(Role.EDITOR, "Ask Editor");
        editor.get("/newsroom/asks/new?kind=banner&lang=en");
        HttpResponse<String> created = editor.post("/newsroom/asks", Map.of("kind", "banner", "lang", "en",
                "name", "Audited banner", "active", "on", "headline", "No ads.", "body", "It costs $9 a month."));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = asks.all().stream().filter(a -> a.name().equals("Audited banner")).findFirst().orElseThrow().id();
        AuditEntry first = entries(AuditAction.ASK_CREATED).get(0);
        assertThat(first.actor()).isEqualTo("Ask Editor");
        assertThat(first.subject()).isEqualTo("banner/en #" + id + " \"Audited banner\"");

        editor.get("/newsroom/asks/" + id);
        assertThat(editor.post("/newsroom/asks/" + id, Map.of("name", "Audited banner", "active", "on",
                "headline", "No ads, ever.", "body", "It costs $9 a month.")).statusCode()).isEqualTo(302);
        AuditEntry changed = entries(AuditAction.ASK_CHANGED).get(0);
        assertThat(changed.actor()).isEqualTo("Ask Editor");
        assertThat(changed.subject()).isEqualTo("banner/en #" + id + " \"Audited banner\": headline");

        int before = entries(AuditAction.ASK_CHANGED).size();
        editor.post("/newsroom/asks/" + id, Map.of("name", "Audited banner", "headline", "No ads, ever.",
                "body", "It costs $9 a month."));
        assertThat(entries(AuditAction.ASK_CHANGED)).hasSize(before + 1);
        assertThat(entries(AuditAction.ASK_CHANGED).get(0).subject()).endsWith(": active");

        int refusedBefore = entries(AuditAction.ASK_CHANGED).size();
        assertThat(editor.post("/newsroom/asks/" + id, Map.of("name", "Audited banner", "headline", "x".repeat(500),
                "body", "b")).statusCode()).isEqualTo(422);
        assertThat(entries(AuditAction.ASK_CHANGED)).as("a refused edit changes nothing").hasSize(refusedBefore);

        assertThat(editor.get("/newsroom/audit").statusCode()).as("editors do not read the log").isEqualTo(403);
        NewsroomClient admin = signedIn(Role.ADMIN, "Audit Reader");
        String log = Jsoup.parse(admin.get("/newsroom/audit").body()).text();
        assertThat(log).contains("Ask created", "Ask changed", "Ask Editor", "#" + id + " \"Audited banner\": headline");
    }

    @Test
    void savingRevenueSettingsNamesTheSettingsChangedButNotTheirValues() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN, "Settings Admin");
        admin.get("/newsroom/revenue/settings");
        Map<String, String> form = new HashMap<>();
        RevenueSettings.NAMES.forEach(name -> form.put(name, settings.current().get(name)));
        String secret = "Use a card issued abroad " + System.nanoTime();
        form.put("note.en", secret);
        assertThat(admin.post("/newsroom/revenue/settings", form).statusCode()).isEqualTo(302);
        AuditEntry saved = entries(AuditAction.REVENUE_SETTINGS_SAVED).get(0);
        assertThat(saved.actor()).isEqualTo("Settings Admin");
        assertThat(saved.subject()).isEqualTo("note.en");
        assertThat(Jsoup.parse(admin.get("/newsroom/audit").body()).text()).contains("Revenue settings saved", "note.en")
                .doesNotContain(secret);
        form.put("note.en", "");
        admin.post("/newsroom/revenue/settings", form);
    }
}
