package org.samizdat.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Turning on two-step sign-in, signing in with an app code or a recovery code, and the staff-wide rule. */
@AppTest
class TwoStepSignInTest {

    static final String PASSWORD = "a sturdy passphrase";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    TwoStep twoStep;

    @BeforeEach
    @AfterEach
    void reset() {
        throttle.clear();
        twoStep.require(false);
    }

    String member(Role role) {
        String username = NewsroomClient.unique("two-step");
        staff.create(username, "Two Step", role, PASSWORD);
        return username;
    }

    static String codeFor(String secret, long offsetSteps) {
        return Totp.code(Totp.unbase32(secret), Totp.step(Instant.now().getEpochSecond()) + offsetSteps);
    }

    /** Turns two-step sign-in on through the page, as a person would; returns the secret and the recovery codes. */
    Enrolled enrol(NewsroomClient client) throws Exception {
        HttpResponse<String> page = client.get("/newsroom/account/two-step");
        String secret = Jsoup.parse(page.body()).select("#secret").text().replace(" ", "");
        HttpResponse<String> done = client.post("/newsroom/account/two-step/enable",
                Map.of("password", PASSWORD, "code", codeFor(secret, 0)));
        assertThat(done.statusCode()).isEqualTo(200);
        List<String> codes = Jsoup.parse(done.body()).select(".recovery-codes code").eachText();
        assertThat(codes).hasSize(TwoStep.RECOVERY_CODES);
        return new Enrolled(secret, codes);
    }

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    HttpResponse<String> signIn(String username, String password, String code) throws Exception {
        NewsroomClient client = new NewsroomClient(port);
        client.get("/newsroom/signin");
        return client.post("/newsroom/signin", Map.of("username", username, "password", password, "code", code));
    }

    static boolean signedIn(HttpResponse<String> response) {
        return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
    }

    @Test
    void enrolmentNeedsThePasswordAndAWorkingCode() throws Exception {
        String username = member(Role.EDITOR);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        String secret = Jsoup.parse(client.get("/newsroom/account/two-step").body()).select("#secret").text().replace(" ", "");
        HttpResponse<String> wrongPassword = client.post("/newsroom/account/two-step/enable",
                Map.of("password", "not it", "code", codeFor(secret, 0)));
        assertThat(wrongPassword.statusCode()).isEqualTo(422);
        HttpResponse<String> wrongCode = client.post("/newsroom/account/two-step/enable",
                Map.of("password", PASSWORD, "code", "000000".equals(codeFor(secret, 0)) ? "111111" : "000000"));
        assertThat(wrongCode.statusCode()).isEqualTo(422);
        assertThat(wrongCode.body()).contains("That code is not right");
        assertThat(signedIn(signIn(username, PASSWORD, ""))).as("still one step").isTrue();
    }

    @Test
    void signInThenNeedsACodeAndEachCodeWorksOnce() throws Exception {
        String username = member(Role.EDITOR);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        Enrolled enrolled = enrol(client);

        assertThat(signedIn(signIn(username, PASSWORD, ""))).isFalse();
        assertThat(signedIn(signIn(username, "wrong password", codeFor(enrolled.secret(), 1)))).isFalse();
        String code = codeFor(enrolled.secret(), 1);
        assertThat(signedIn(signIn(username, PASSWORD, code))).isTrue();
        assertThat(signedIn(signIn(username, PASSWORD, code))).as("a used code is refused").isFalse();

        String recovery = enrolled.recoveryCodes().get(3);
        assertThat(signedIn(signIn(username, PASSWORD, recovery.toUpperCase()))).isTrue();
        assertThat(signedIn(signIn(username, PASSWORD, recovery))).as("a used recovery code is refused").isFalse();
    }

    @Test
    void whenRequiredStaffWithoutItCanOnlySetItUp() throws Exception {
        twoStep.require(true);
        String username = member(Role.AUTHOR);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        HttpResponse<String> stories = client.get("/newsroom/stories");
        assertThat(stories.statusCode()).isEqualTo(302);
        assertThat(stories.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/account/two-step");
        Enrolled enrolled = enrol(client);
        assertThat(client.get("/newsroom/stories").statusCode()).isEqualTo(200);
        HttpResponse<String> turnOff = client.post("/newsroom/account/two-step/disable",
                Map.of("password", PASSWORD, "code", enrolled.recoveryCodes().get(0)));
        assertThat(turnOff.statusCode()).isEqualTo(422);
        assertThat(twoStep.recoveryCodesLeft(staff.all().stream().filter(a -> a.username().equals(username))
                .findFirst().orElseThrow().id())).isEqualTo(TwoStep.RECOVERY_CODES);
    }

    @Test
    void onlyAdminsChangeTheRule() throws Exception {
        NewsroomClient editor = new NewsroomClient(port);
        editor.signIn(member(Role.EDITOR), PASSWORD);
        editor.get("/newsroom/stories");
        assertThat(editor.post("/newsroom/staff/two-step", Map.of("required", "true")).statusCode()).isEqualTo(403);
        assertThat(twoStep.required()).isFalse();
        NewsroomClient admin = new NewsroomClient(port);
        admin.signIn(member(Role.ADMIN), PASSWORD);
        admin.get("/newsroom/staff");
        assertThat(admin.post("/newsroom/staff/two-step", Map.of("required", "true")).statusCode()).isEqualTo(302);
        assertThat(twoStep.required()).isTrue();
    }
}
