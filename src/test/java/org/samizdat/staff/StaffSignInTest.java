package org.samizdat.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.staff.internal.StaffAccounts;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Staff sign-in over real HTTP: success, one message for every failure, throttling, CSRF, sign-out, disabling. */
@AppTest
class StaffSignInTest {

    static final String FAILED = "Wrong username or password, or the account is locked.";
    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    SignInThrottle throttle;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        throttle.clear();
    }

    String account(Role role) {
        String username = NewsroomClient.unique(role.name().toLowerCase());
        staff.create(username, "Staff " + username, role, PASSWORD);
        return username;
    }

    @Test
    void signInGivesANewSessionAndTheNewsroom() throws Exception {
        String username = account(Role.EDITOR);
        NewsroomClient client = new NewsroomClient(port);
        HttpResponse<String> page = client.get("/newsroom/signin");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("Path=/newsroom", "HttpOnly");
        String before = client.sessionId();
        HttpResponse<String> signedIn = client.post("/newsroom/signin", Map.of("username", username, "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/newsroom");
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(client.sessionId()).isNotNull().isNotEqualTo(before);
        HttpResponse<String> desk = client.get("/newsroom");
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body()).contains("Staff " + username);
        assertThat(desk.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void everyFailureSaysTheSameThing() throws Exception {
        String username = account(Role.AUTHOR);
        NewsroomClient client = new NewsroomClient(port);
        HttpResponse<String> wrongPassword = client.signIn(username, "not the password");
        assertThat(wrongPassword.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin?error");
        String wrongPasswordPage = client.get("/newsroom/signin?error").body();
        client.signIn("nobody-" + username, PASSWORD);
        String unknownPage = client.get("/newsroom/signin?error").body();
        staff.setEnabled(staff.all().stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow().id(), false);
        HttpResponse<String> disabled = client.signIn(username, PASSWORD);
        assertThat(disabled.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin?error");
        assertThat(wrongPasswordPage).contains(FAILED);
        assertThat(unknownPage).contains(FAILED);
        assertThat(client.get("/newsroom/stories").statusCode()).isEqualTo(302);
    }

    @Test
    void anAccountIsLockedAfterRepeatedFailuresButOthersAtTheSameAddressAreNot() throws Exception {
        String target = account(Role.EDITOR);
        String colleague = account(Role.EDITOR);
        NewsroomClient attacker = new NewsroomClient(port);
        for (int i = 0; i < 5; i++) {
            attacker.signIn(target, "guess " + i);
        }
        HttpResponse<String> rightPasswordTooLate = new NewsroomClient(port).signIn(target, PASSWORD);
        assertThat(rightPasswordTooLate.headers().firstValue("Location").orElse("")).endsWith("?error");
        HttpResponse<String> other = new NewsroomClient(port).signIn(colleague, PASSWORD);
        assertThat(other.headers().firstValue("Location").orElse("")).endsWith("/newsroom");
    }

    @Test
    void anAddressIsLockedAfterManyFailuresAcrossAccounts() throws Exception {
        String colleague = account(Role.EDITOR);
        NewsroomClient attacker = new NewsroomClient(port);
        for (int i = 0; i < 20; i++) {
            attacker.signIn("guessed-name-" + i, "guess");
        }
        HttpResponse<String> refused = new NewsroomClient(port).signIn(colleague, PASSWORD);
        assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("?error");
        throttle.clear();
        HttpResponse<String> allowed = new NewsroomClient(port).signIn(colleague, PASSWORD);
        assertThat(allowed.headers().firstValue("Location").orElse("")).endsWith("/newsroom");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRejected() throws Exception {
        String username = account(Role.EDITOR);
        NewsroomClient client = new NewsroomClient(port);
        client.get("/newsroom/signin");
        HttpResponse<String> signIn = client.postWithoutCsrf("/newsroom/signin", Map.of("username", username, "password", PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(403);
        assertThat(signIn.body()).contains("This form has expired");
        assertThat(signIn.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(client.get("/newsroom").statusCode()).isEqualTo(302);
        client.signIn(username, PASSWORD);
        HttpResponse<String> save = client.postWithoutCsrf("/newsroom/stories/new",
                Map.of("headline", "Forged", "language", "en"));
        assertThat(save.statusCode()).isEqualTo(403);
        HttpResponse<String> signOut = client.postWithoutCsrf("/newsroom/signout", Map.of());
        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(client.get("/newsroom").statusCode()).isEqualTo(200);
    }

    @Test
    void signOutIsAPost() throws Exception {
        String username = account(Role.AUTHOR);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        client.get("/newsroom/signout");
        assertThat(client.get("/newsroom").statusCode()).isEqualTo(200);
        HttpResponse<String> out = client.post("/newsroom/signout", Map.of());
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin?signedout");
        HttpResponse<String> after = client.get("/newsroom");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin");
    }

    @Test
    void disablingAnAccountEndsItsSessionAtOnce() throws Exception {
        String username = account(Role.EDITOR);
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, PASSWORD);
        assertThat(client.get("/newsroom/stories").statusCode()).isEqualTo(200);
        staff.setEnabled(accounts.findByUsername(username).orElseThrow().id(), false);
        HttpResponse<String> next = client.get("/newsroom/stories");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/newsroom/signin");
    }

    @Test
    void publicPagesSetNoCookie() throws Exception {
        NewsroomClient client = new NewsroomClient(port);
        for (String path : new String[] {"/en", "/ru", "/en/stories/nothing-here", "/assets/newsroom.css"}) {
            HttpResponse<String> page = client.get(path);
            assertThat(page.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }

    @Test
    void newPasswordsAreArgon2AndOldBcryptHashesAreUpgradedOnSignIn() throws Exception {
        String username = account(Role.AUTHOR);
        long id = accounts.findByUsername(username).orElseThrow().id();
        assertThat(accounts.passwordHash(id).orElseThrow()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        accounts.setPasswordHash(id, "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD));
        HttpResponse<String> signedIn = new NewsroomClient(port).signIn(username, PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/newsroom");
        assertThat(accounts.passwordHash(id).orElseThrow()).startsWith("{argon2@SpringSecurity_v5_8}");
    }

    @Test
    void theNewsroomSpeaksRussianToRussianBrowsers() throws Exception {
        HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/newsroom/signin"))
                .header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("lang=\"ru\"", "Вход в редакцию");
    }

    @Test
    void theFirstRunAdminExistsOnce() {
        assertThat(staff.all()).filteredOn(a -> a.username().equals("admin")).singleElement()
                .satisfies(admin -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
    }
}
