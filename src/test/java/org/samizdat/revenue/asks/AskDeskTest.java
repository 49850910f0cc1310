package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.revenue.asks.internal.Asks;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The newsroom's ask desk over HTTP: who may use it, what it refuses, and that nothing an editor types runs. */
@AppTest
class AskDeskTest extends AsksOnPages {

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    NewsroomClient signedIn(Role role) throws Exception {
        throttle.clear();
        String username = NewsroomClient.unique("asks");
        staff.create(username, "Asks " + role, role, "asks password 123");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "asks password 123");
        return client;
    }

    NewsroomClient anonymous() {
        return new NewsroomClient(port);
    }

    static Map<String, Object> form(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    String publicPage(String path) throws Exception {
        return anonymous().get(path).body();
    }

    @Test
    void anEditorWritesABannerAndReadersGetIt() throws Exception {
        NewsroomClient editor = signedIn(Role.EDITOR);
        assertThat(editor.get("/newsroom/asks").statusCode()).isEqualTo(200);
        assertThat(editor.get("/newsroom/asks/new?kind=banner&lang=en").statusCode()).isEqualTo(200);
        HttpResponse<String> saved = editor.post("/newsroom/asks", form("kind", "banner", "lang", "en", "name",
                "Spring banner", "active", "on", "headline", "No ads since 2022.", "body",
                "Running this site costs **$12,345 a month**.", "button", "Chip in", "show_goal", "on"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/asks?saved");

        Document page = Jsoup.parse(publicPage("/en"));
        assertThat(page.select("template[data-ask-kind=banner]").html())
                .contains("No ads since 2022.", "<strong>$12,345 a month</strong>", "Chip in")
                .as("no monthly goal set: the banner keeps no line for it").doesNotContain("ask-goal");
        assertThat(page.select("noscript").html()).contains("$12,345").contains("href=\"/en/support\"");
        assertThat(publicPage("/ru")).doesNotContain("12,345");

        long id = asks.all().stream().filter(a -> a.name().equals("Spring banner")).findFirst().orElseThrow().id();
        assertThat(editor.get("/newsroom/asks").body()).contains("Spring banner").contains("/newsroom/asks/" + id);
        assertThat(editor.get("/newsroom/asks/" + id).body()).contains("Running this site costs **$12,345 a month**.");
        assertThat(editor.post("/newsroom/asks/" + id, form("name", "Spring banner", "body", "Now $99 a month"))
                .statusCode()).isEqualTo(302);
        String after = publicPage("/en");
        assertThat(after).doesNotContain("12,345").doesNotContain("Now $99 a month");
        assertThat(asks.find(id).orElseThrow().active()).isFalse();
    }

    @Test
    void badInputIsExplainedNextToEachFieldAndNothingIsSaved() throws Exception {
        NewsroomClient editor = signedIn(Role.EDITOR);
        editor.get("/newsroom/asks/new?kind=modal&lang=ru");
        int before = asks.all().size();
        HttpResponse<String> refused = editor.post("/newsroom/asks", form("kind", "modal", "lang", "ru", "name", "",
                "body", "", "amounts_once", "USD 5.50", "amounts_monthly", "GBP 5", "amounts_annual", "USD 9999999",
                "methods", "bank paypal", "signature", "x".repeat(201)));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.select(".field-error").eachAttr("id")).containsExactlyInAnyOrder("name-error", "body-error",
                "signature-error", "amounts_once-error", "amounts_monthly-error", "amounts_annual-error",
                "methods-error");
        assertThat(page.selectFirst("#amounts_monthly-error").text()).contains("GBP");
        assertThat(page.selectFirst("#methods-error").text()).contains("paypal");
        assertThat(page.selectFirst("#amounts_once").attr("value")).isEqualTo("USD 5.50");
        assertThat(asks.all()).hasSize(before);

        assertThat(editor.post("/newsroom/asks", form("kind", "popup", "lang", "en", "name", "x", "body", "y"))
                .statusCode()).isEqualTo(404);
        assertThat(editor.post("/newsroom/asks/999999999", form("name", "x", "body", "y")).statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/asks/new?kind=banner&lang=de").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyEditorsAndAdminsReachTheDesk() throws Exception {
        NewsroomClient author = signedIn(Role.AUTHOR);
        assertThat(author.get("/newsroom/asks").statusCode()).isEqualTo(403);
        assertThat(author.get("/newsroom/asks/new?kind=banner&lang=en").statusCode()).isEqualTo(403);
        author.get("/newsroom/stories");
        assertThat(author.post("/newsroom/asks", form("kind", "banner", "lang", "en", "name", "Sneaky", "body", "x",
                "active", "on")).statusCode()).isEqualTo(403);
        assertThat(anonymous().get("/newsroom/asks").statusCode()).isEqualTo(302);
        assertThat(asks.all()).noneMatch(a -> a.name().equals("Sneaky"));

        NewsroomClient admin = signedIn(Role.ADMIN);
        assertThat(admin.get("/newsroom/asks").statusCode()).isEqualTo(200);
        NewsroomClient editor = signedIn(Role.EDITOR);
        editor.get("/newsroom/asks");
        assertThat(editor.postWithoutCsrf("/newsroom/asks", form("kind", "banner", "lang", "en", "name", "No token",
                "body", "x", "active", "on")).statusCode()).isEqualTo(403);
        assertThat(asks.all()).noneMatch(a -> a.name().equals("No token"));
    }

    @Test
    void noPayloadInAnyFieldRunsOnPublicPagesOrInTheNewsroom() throws Exception {
        List<String> payloads = payloads();
        int n = 0;
        for (String payload : payloads) {
            for (AskKind kind : AskKind.values()) {
                Asks.Saved saved = asks.save(new Ask(0, kind, Language.EN, cut(payload, 100), true, cut(payload, 200),
                        payload, cut(payload, 200), cut(payload, 60), "USD 5 " + (n % 7 + 1), "", "", "test", true));
                assertThat(saved.problems()).as(kind + " " + payload).isEmpty();
            }
            n++;
        }
        NewsroomClient editor = signedIn(Role.EDITOR);
        editor.get("/newsroom/asks/new?kind=notice&lang=en");
        assertThat(editor.post("/newsroom/asks", form("kind", "notice", "lang", "en", "name", payloads.get(0),
                "active", "on", "body", payloads.get(2), "button", cut(payloads.get(5), 60))).statusCode()).isEqualTo(302);

        String html = publicPage("/en");
        Document home = SafePage.check(html);
        assertThat(html.split("data-ask-kind=\"modal\"", -1)).hasSizeGreaterThan(payloads.size());
        SafePage.check(editor.get("/newsroom/asks").body());
        long modal = asks.all().stream().filter(a -> a.kind() == AskKind.MODAL && a.active()).findFirst().orElseThrow().id();
        SafePage.check(editor.get("/newsroom/asks/" + modal).body());
        HttpResponse<String> refused = editor.post("/newsroom/asks/" + modal, form("name", payloads.get(0), "body",
                payloads.get(1), "amounts_once", payloads.get(2), "methods", payloads.get(3)));
        assertThat(refused.statusCode()).isEqualTo(422);
        SafePage.check(refused.body());
    }

    static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    static List<String> payloads() throws Exception {
        try (InputStream in = AskDeskTest.class.getResourceAsStream("/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
