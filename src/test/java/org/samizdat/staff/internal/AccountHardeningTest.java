package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Password rules, the session cookie, sign-out and disabling across sessions, re-authentication. */
@AppTest
class AccountHardeningTest {

    static final String PASSWORD = "a sturdy passphrase";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignInThrottle throttle;

    @BeforeEach
    void reset() {
        throttle.clear();
    }

    String member(Role role) {
        String username = NewsroomClient.unique("hardened");
        staff.create(username, "Hardened " + username, role, PASSWORD);
        return username;
    }

    NewsroomClient signedIn(String username) throws Exception {
        NewsroomClient client = new NewsroomClient(port);
        assertThat(client.signIn(username, PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/newsroom");
        return client;
    }

    static String fieldError(HttpResponse<String> page, String field) {
        return Jsoup.parse(page.body()).select("#" + field + "-error").text();
    }

    @Test
    void commonPasswordsAreRefusedWithAReadableMessageAndLongOnesAccepted() throws Exception {
        NewsroomClient admin = signedIn(member(Role.ADMIN));
        admin.get("/newsroom/staff");
        for (String common : new String[] {"baseball", "Password1", "  iloveyou  ", "qwertyuiop"}) {
            HttpResponse<String> refused = admin.post("/newsroom/staff", Map.of("username", NewsroomClient.unique("new"),
                    "displayName", "New", "role", "AUTHOR", "password", common));
            assertThat(refused.statusCode()).as(common).isEqualTo(422);
            assertThat(fieldError(refused, "password")).as(common).isEqualTo("This password is on the list of the most"
                    + " common passwords, which attackers try first. A few unrelated words make a good one.");
        }
        HttpResponse<String> tooLong = admin.post("/newsroom/staff", Map.of("username", NewsroomClient.unique("new"),
                "displayName", "New", "role", "AUTHOR", "password", "x".repeat(129)));
        assertThat(fieldError(tooLong, "password")).isEqualTo("Passwords need 8 to 128 characters. A few unrelated words make a good one.");
        String longest = "Ёлки-палки, " + "z".repeat(116);
        assertThat(longest).hasSize(128);
        HttpResponse<String> created = admin.post("/newsroom/staff", Map.of("username", NewsroomClient.unique("new"),
                "displayName", "New", "role", "AUTHOR", "password", longest));
        assertThat(created.statusCode()).isEqualTo(302);
    }

    @Test
    void aCommonPasswordIsRefusedOnTheAccountPageToo() throws Exception {
        String username = member(Role.AUTHOR);
        NewsroomClient member = signedIn(username);
        member.get("/newsroom/account");
        HttpResponse<String> refused = member.post("/newsroom/account", Map.of("current", PASSWORD,
                "password", "Sunshine", "repeat", "Sunshine"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(fieldError(refused, "password")).startsWith("This password is on the list of the most common");
        assertThat(staff.passwordMatches(accounts.findByUsername(username).orElseThrow().id(), PASSWORD)).isTrue();
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndScopedToTheNewsroomOverPlainHttp() throws Exception {
        HttpResponse<String> page = new NewsroomClient(port).get("/newsroom/signin");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("newsroom=").contains("; Path=/newsroom", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        String username = member(Role.EDITOR);
        NewsroomClient client = signedIn(username);
        String session = client.sessionId();
        client.get("/newsroom/account");
        assertThat(client.post("/newsroom/signout", Map.of()).headers().firstValue("Location").orElse(""))
                .endsWith("/newsroom/signin?signedout");
        NewsroomClient replay = NewsroomClient.withSession(port, session);
        HttpResponse<String> after = replay.get("/newsroom/stories");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin");
    }

    @Test
    void disablingAnAccountEndsEveryOneOfItsSessions() throws Exception {
        String username = member(Role.EDITOR);
        NewsroomClient laptop = signedIn(username);
        NewsroomClient phone = signedIn(username);
        assertThat(laptop.sessionId()).isNotEqualTo(phone.sessionId());
        assertThat(laptop.get("/newsroom/stories").statusCode()).isEqualTo(200);
        assertThat(phone.get("/newsroom/stories").statusCode()).isEqualTo(200);
        staff.setEnabled(accounts.findByUsername(username).orElseThrow().id(), false);
        for (NewsroomClient client : new NewsroomClient[] {laptop, phone}) {
            HttpResponse<String> next = client.get("/newsroom/stories");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin");
        }
        staff.setEnabled(accounts.findByUsername(username).orElseThrow().id(), true);
        assertThat(laptop.get("/newsroom/stories").statusCode()).as("the old session stays dead").isEqualTo(302);
    }

    @Test
    void aSessionIdSetBeforeSignInIsNeverTheOneAfter() throws Exception {
        String username = member(Role.AUTHOR);
        NewsroomClient client = new NewsroomClient(port);
        client.get("/newsroom/signin");
        String planted = client.sessionId();
        assertThat(planted).isNotNull();
        client.post("/newsroom/signin", Map.of("username", username, "password", PASSWORD));
        assertThat(client.sessionId()).isNotNull().isNotEqualTo(planted);
        HttpResponse<String> withPlanted = NewsroomClient.withSession(port, planted).get("/newsroom/stories");
        assertThat(withPlanted.statusCode()).isEqualTo(302);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndTheSecondStepWhenItIsOn() throws Exception {
        String username = member(Role.AUTHOR);
        NewsroomClient client = signedIn(username);
        TwoStepSignInTest.Enrolled enrolled = enrol(client);
        client.get("/newsroom/account");
        Map<String, String> change = Map.of("current", PASSWORD, "password", "a brand new passphrase",
                "repeat", "a brand new passphrase");
        HttpResponse<String> noCode = client.post("/newsroom/account", change);
        assertThat(noCode.statusCode()).isEqualTo(422);
        assertThat(fieldError(noCode, "code")).isNotBlank();
        HttpResponse<String> wrongCurrent = client.post("/newsroom/account", Map.of("current", "not my password",
                "password", "a brand new passphrase", "repeat", "a brand new passphrase",
                "code", TwoStepSignInTest.codeFor(enrolled.secret(), 1)));
        assertThat(fieldError(wrongCurrent, "current")).isEqualTo("That is not your current password.");
        long id = accounts.findByUsername(username).orElseThrow().id();
        assertThat(staff.passwordMatches(id, PASSWORD)).isTrue();
        java.util.Map<String, String> withCode = new java.util.HashMap<>(change);
        withCode.put("code", enrolled.recoveryCodes().get(0));
        HttpResponse<String> done = client.post("/newsroom/account", withCode);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(staff.passwordMatches(id, "a brand new passphrase")).isTrue();
    }

    TwoStepSignInTest.Enrolled enrol(NewsroomClient client) throws Exception {
        HttpResponse<String> page = client.get("/newsroom/account/two-step");
        String secret = Jsoup.parse(page.body()).select("#secret").text().replace(" ", "");
        HttpResponse<String> done = client.post("/newsroom/account/two-step/enable",
                Map.of("password", PASSWORD, "code", TwoStepSignInTest.codeFor(secret, 0)));
        assertThat(done.statusCode()).isEqualTo(200);
        return new TwoStepSignInTest.Enrolled(secret, Jsoup.parse(done.body()).select(".recovery-codes code").eachText());
    }
}
