package org.samizdat.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.samizdat.distribution.internal.Ed25519Keys;
import org.samizdat.distribution.internal.ExportJob;
import org.samizdat.distribution.internal.MirrorEntry;
import org.samizdat.distribution.internal.MirrorList;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins keep the mirror list; readers see its live entries on the reach page, in footers, feeds and the signed list. */
@AppTest
class MirrorListTest {

    static final String ONION = "http://" + "abcdefghijklmnopqrstuvwxyz234567".repeat(2).substring(0, 56) + ".onion";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    MirrorList mirrors;

    @Autowired
    AuditLog audit;

    @Autowired
    ExportJob exports;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void retireEverything() {
        for (MirrorEntry e : mirrors.all()) {
            if (e.live()) {
                mirrors.update(e.id(), e.label(), e.position(), false);
            }
        }
    }

    NewsroomClient signedIn(Role role) throws Exception {
        throttle.clear();
        String username = NewsroomClient.unique(role.name().toLowerCase());
        staff.create(username, "Someone", role, "a fine passphrase");
        NewsroomClient client = new NewsroomClient(port);
        client.signIn(username, "a fine passphrase");
        return client;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> add(NewsroomClient admin, String kind, String address, String label) throws Exception {
        admin.get("/newsroom/mirrors");
        return admin.post("/newsroom/mirrors", Map.of("kind", kind, "address", address, "label", label));
    }

    @Test
    void liveEntriesShowOnTheReachPageAndInEveryFooterRetiredOnesDoNot() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        assertThat(get("/en/reach").body()).doesNotContain("mirror-one.example.org");
        assertThat(add(admin, "web", "https://mirror-one.example.org", "Mirror one").statusCode()).isEqualTo(302);
        assertThat(add(admin, "static", "https://static.example.net/copy/", "").statusCode()).isEqualTo(302);

        Document reach = Jsoup.parse(get("/en/reach").body());
        assertThat(reach.select("ul.mirror-list a").eachAttr("href"))
                .containsExactly("https://mirror-one.example.org", "https://static.example.net/copy/");
        assertThat(reach.select("ul.mirror-list").text()).contains("Mirror one", "Static copy");
        assertThat(Jsoup.parse(get("/ru/reach").body()).select("h1").text()).isEqualTo("Как нас читать");
        Element footer = Jsoup.parse(get("/en").body()).selectFirst("footer p.mirrors");
        assertThat(footer.select("a").eachAttr("href"))
                .containsExactly("/en/reach", "https://mirror-one.example.org", "https://static.example.net/copy/");

        MirrorEntry one = mirrors.all().stream().filter(e -> e.address().equals("https://mirror-one.example.org"))
                .findFirst().orElseThrow();
        admin.get("/newsroom/mirrors");
        HttpResponse<String> retired = admin.post("/newsroom/mirrors/" + one.id(),
                Map.of("label", "Mirror one", "position", "1", "state", "retired"));
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(get("/en/reach").body()).doesNotContain("mirror-one.example.org").contains("static.example.net");
        assertThat(get("/en").body()).doesNotContain("mirror-one.example.org").contains("static.example.net");
        assertThat(audit.recent(20, 0)).anySatisfy(e -> assertThat(e.subject()).contains("mirror-one.example.org retired"));
    }

    @Test
    void badAddressesAreRefusedWithAReadableMessageInBothLanguages() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        HttpResponse<String> script = add(admin, "web", "javascript:alert(1)", "x");
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("Only http:// and https:// addresses are accepted.");
        assertThat(add(admin, "web", "https://user:pw@example.org", "").body())
                .contains("An address must not carry a user name or password.");
        assertThat(add(admin, "onion", "http://expyuzz4wqqyqhjn.onion", "").body()).contains("version 3 onion host");
        HttpResponse<String> huge = add(admin, "web", "https://example.org/" + "a".repeat(50_000), "");
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(huge.body()).contains("at most 500 characters").doesNotContain("aaaaaaaaaa");
        assertThat(add(admin, "web", "https://ok.example.org", "L".repeat(101)).body()).contains("at most 100 characters");
        assertThat(mirrors.all()).noneMatch(e -> e.address().contains("javascript") || e.address().contains("ok.example.org"));
        assertThat(Jsoup.parse(get("/en").body()).select("footer a").eachAttr("href")).noneMatch(h -> h.startsWith("javascript"));
    }

    @Test
    void onlyAdminsReachTheDesk() throws Exception {
        assertThat(get("/newsroom/mirrors").statusCode()).isEqualTo(302);
        NewsroomClient editor = signedIn(Role.EDITOR);
        assertThat(editor.get("/newsroom/mirrors").statusCode()).isEqualTo(403);
        editor.get("/newsroom/stories");
        assertThat(editor.post("/newsroom/mirrors", Map.of("kind", "web", "address", "https://e.example.org", "label", ""))
                .statusCode()).isEqualTo(403);
        assertThat(editor.post("/newsroom/mirrors/export", Map.of()).statusCode()).isEqualTo(403);
        NewsroomClient author = signedIn(Role.AUTHOR);
        assertThat(author.get("/newsroom/mirrors").statusCode()).isEqualTo(403);
        NewsroomClient admin = signedIn(Role.ADMIN);
        assertThat(admin.get("/newsroom/mirrors").statusCode()).isEqualTo(200);
        assertThat(mirrors.all()).noneMatch(e -> e.address().equals("https://e.example.org"));
    }

    @Test
    void onionLocationIsSentOnlyWhileAnOnionAddressIsLive() throws Exception {
        assertThat(get("/en").headers().firstValue("Onion-Location")).isEmpty();
        NewsroomClient admin = signedIn(Role.ADMIN);
        assertThat(add(admin, "onion", ONION, "Tor").statusCode()).isEqualTo(302);
        assertThat(get("/en").headers().firstValue("Onion-Location")).contains(ONION + "/en");
        assertThat(get("/en").headers().firstValue("Onion-Location")).contains(ONION + "/en");
        assertThat(get("/ru/reach").headers().firstValue("Onion-Location")).contains(ONION + "/ru/reach");
        assertThat(admin.get("/newsroom/mirrors").headers().firstValue("Onion-Location")).isEmpty();
        retireEverything();
        assertThat(get("/en").headers().firstValue("Onion-Location")).isEmpty();
    }

    @Test
    void theSignedListVerifiesWithThePublishedKeyAndNotWhenAltered() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        add(admin, "web", "https://signed.example.org", "Signed");
        byte[] json = get("/mirrors.json").body().getBytes(StandardCharsets.UTF_8);
        byte[] signature = Base64.getDecoder().decode(get("/mirrors.json.sig").body().strip());
        PublicKey key = Ed25519Keys.publicKey(get("/mirrors-key.txt").body());
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(json);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"https://signed.example.org\"", "\"issued_at\"",
                "\"newsroom\"");
        byte[] altered = new String(json, StandardCharsets.UTF_8).replace("signed.example.org", "evil.example.org")
                .getBytes(StandardCharsets.UTF_8);
        verifier.initVerify(key);
        verifier.update(altered);
        assertThat(verifier.verify(signature)).isFalse();
        assertThat(get("/mirrors.json").body().getBytes(StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void theExportButtonRunsInTheBackgroundAndShowsItsResult() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        admin.get("/newsroom/mirrors");
        HttpResponse<String> started = admin.post("/newsroom/mirrors/export", Map.of("full", "1"));
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElse("")).endsWith("/newsroom/mirrors?done=exporting");
        String desk = "";
        for (int i = 0; i < 600 && !desk.contains("Last export:"); i++) {
            Thread.sleep(200);
            desk = admin.get("/newsroom/mirrors").body();
        }
        assertThat(desk).contains("Last export:").doesNotContain("The export failed");
        Path folder = exports.folder();
        assertThat(folder.resolve("manifest.json")).exists();
        assertThat(folder.resolve("en/reach/index.html")).exists();
        assertThat(MirrorExportTest.verify(folder)).contains("OK: ");
        assertThat(audit.recent(20, 0)).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.MIRROR_EXPORT_STARTED));
    }

    @Test
    void feedsCarryTheLiveMirrors() throws Exception {
        NewsroomClient admin = signedIn(Role.ADMIN);
        add(admin, "web", "https://feedmirror.example.org", "");
        assertThat(get("/en/feed.json").body()).contains("\"_samizdat\"", "\"https://feedmirror.example.org\"");
        assertThat(get("/en/feed.xml").body()).contains("Mirrors: https://feedmirror.example.org");
        assertThat(get("/ru/atom.xml").body()).contains("Зеркала: https://feedmirror.example.org");
    }
}
