package org.samizdat.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The token-link preference page over real HTTP: switch, unsubscribe, download and delete, and its abuse. */
@MailAppTest
class PreferencesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    /** Signs up and confirms; returns the preference link of the welcome mail. */
    String subscribed(Reader reader, String email) throws Exception {
        reader.signUp("en", email);
        MimeMessage confirmation = TestMailServer.await(email, 1).get(0);
        assertThat(Mails.link(confirmation, "/newsletter/preferences/")).isNotBlank();
        String confirm = Mails.link(confirmation, "/newsletter/confirm/");
        assertThat(reader.post(confirm, Map.of(), "Origin", reader.origin()).statusCode()).isEqualTo(200);
        return Mails.link(TestMailServer.await(email, 2).get(1), "/newsletter/preferences/");
    }

    Map<String, String> statuses(String email) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.sql("""
                select n.code, s.status from subscription s join subscriber r on r.id = s.subscriber_id
                join newsletter n on n.id = s.newsletter_id where r.email_lookup = ?
                """).param(personal.emailLookup(email)).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Test
    void switchNewslettersDownloadAndDeleteWhileGetsChangeNothing() throws Exception {
        Reader reader = new Reader(port);
        String email = "prefs@example.org";
        String link = subscribed(reader, email);

        HttpResponse<String> page = reader.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("main").text()).contains(email);
        assertThat(html.select("input[name=newsletter][value=weekly-en]").hasAttr("checked")).isTrue();
        assertThat(html.select("input[name=newsletter][value=weekly-ru]").hasAttr("checked")).isFalse();
        for (String get : List.of(link, link + "/unsubscribe", link + "/export", link + "/erase")) {
            reader.get(get);
        }
        assertThat(statuses(email)).as("GETs change nothing").isEqualTo(Map.of("weekly-en", "ACTIVE"));

        HttpResponse<String> both = reader.post(link + "?newsletter=weekly-ru",
                Reader.form("newsletter", "weekly-en"), "Origin", reader.origin());
        assertThat(both.statusCode()).isEqualTo(200);
        assertThat(statuses(email)).isEqualTo(Map.of("weekly-en", "ACTIVE", "weekly-ru", "ACTIVE"));
        assertThat(jdbc.sql("""
                select c.form from consent c join subscription s on s.id = c.subscription_id
                join newsletter n on n.id = s.newsletter_id join subscriber r on r.id = s.subscriber_id
                where r.email_lookup = ? and n.code = 'weekly-ru' and c.confirmed_at is not null
                """).param(personal.emailLookup(email)).query(String.class).list()).containsExactly("preferences");

        reader.post(link + "?newsletter=no-such-list", Reader.form("newsletter", "weekly-ru"), "Origin", reader.origin());
        assertThat(statuses(email)).isEqualTo(Map.of("weekly-en", "UNSUBSCRIBED", "weekly-ru", "ACTIVE"));
        reader.post(link + "/unsubscribe", Map.of(), "Origin", reader.origin());
        assertThat(statuses(email)).isEqualTo(Map.of("weekly-en", "UNSUBSCRIBED", "weekly-ru", "UNSUBSCRIBED"));

        HttpResponse<String> export = reader.post(link + "/export", Map.of(), "Origin", reader.origin());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(export.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(export.body()).contains("\"email\":\"" + email + "\"").contains("\"weekly-ru\"")
                .contains("\"consents\":[{").contains("\"withdrawn_via\":\"preferences\"").contains("\"deliveries\":[");

        String unsubscribe = Mails.link(TestMailServer.await(email, 2).get(1), "/newsletter/unsubscribe/");
        long subscriberId = jdbc.sql("select id from subscriber where email_lookup = ?").param(personal.emailLookup(email))
                .query(Long.class).single();
        HttpResponse<String> erased = reader.post(link + "/erase", Map.of(), "Origin", reader.origin());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(statuses(email)).as("the address can no longer be found").isEmpty();
        assertThat(jdbc.sql("select email_sealed, email_lookup, email from subscriber where id = ?").param(subscriberId)
                .query().singleRow()).allSatisfy((column, value) -> assertThat(value).as(column).isNull());
        List<Map<String, Object>> kept = jdbc.sql("""
                select c.withdrawn_at, c.client_hmac, c.policy_version, c.notice from consent c
                join subscription s on s.id = c.subscription_id join subscriber r on r.id = s.subscriber_id
                where r.id = ? and s.status = 'ERASED'""").param(subscriberId).query().listOfRows();
        assertThat(kept).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("withdrawn_at")).isNotNull();
            assertThat(row.get("client_hmac")).isNull();
            assertThat(row.get("notice")).isNotNull();
        });
        assertThat(reader.get(link).statusCode()).as("the link dies with the data").isEqualTo(404);
        assertThat(reader.post(link + "/export", Map.of(), "Origin", reader.origin()).statusCode()).isEqualTo(404);
        assertThat(reader.get(unsubscribe).statusCode()).isEqualTo(404);
    }

    @Test
    void oneReadersLinkNeverReachesAnothersDataAndForgedOrExpiredLinksDoNothing() throws Exception {
        Reader alice = new Reader(port);
        Reader mallory = new Reader(port);
        String aliceLink = subscribed(alice, "alice@idor.example");
        String malloryLink = subscribed(mallory, "mallory@idor.example");

        String mine = mallory.post(malloryLink + "/export", Map.of(), "Origin", mallory.origin()).body();
        assertThat(mine).contains("mallory@idor.example").doesNotContain("alice");
        assertThat(mallory.get(malloryLink).body()).doesNotContain("alice@idor.example");
        mallory.post(malloryLink, Reader.form("newsletter", "weekly-ru", "subscription", "1", "subscriber", "1",
                "token", aliceLink.substring(aliceLink.lastIndexOf('/') + 1)), "Origin", mallory.origin());
        assertThat(statuses("alice@idor.example")).isEqualTo(Map.of("weekly-en", "ACTIVE"));

        assertThat(mallory.post(aliceLink, Reader.form("newsletter", "weekly-ru"), "Origin", "https://evil.example")
                .statusCode()).isEqualTo(403);
        assertThat(mallory.post(aliceLink + "/erase", Map.of()).statusCode()).as("no proof of origin").isEqualTo(403);
        assertThat(mallory.post(aliceLink + "/export", Map.of(), "Origin", "https://evil.example").statusCode())
                .isEqualTo(403);
        assertThat(statuses("alice@idor.example")).isEqualTo(Map.of("weekly-en", "ACTIVE"));

        String token = aliceLink.substring(aliceLink.lastIndexOf('/') + 1);
        char last = token.charAt(token.length() - 1);
        String tampered = aliceLink.substring(0, aliceLink.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String guess : List.of(tampered, "/newsletter/preferences/" + "A".repeat(43), "/newsletter/preferences/short",
                "/newsletter/preferences/" + "A".repeat(43) + "%27%20or%201=1")) {
            assertThat(mallory.get(guess).statusCode()).as(guess).isEqualTo(404);
            assertThat(mallory.post(guess + "/export", Map.of(), "Origin", mallory.origin()).statusCode()).isIn(404);
        }
        String unsubscribe = Mails.link(TestMailServer.await("alice@idor.example", 2).get(1), "/newsletter/unsubscribe/");
        assertThat(mallory.get(unsubscribe.replace("/unsubscribe/", "/preferences/")).statusCode())
                .as("tokens have one purpose").isEqualTo(404);

        jdbc.sql("update subscriber_token set expires_at = ? where purpose = 'PREFERENCES' and subscription_id in "
                + "(select s.id from subscription s join subscriber r on r.id = s.subscriber_id where r.email_lookup = ?)")
                .params(Timestamp.from(Instant.now().minusSeconds(1)), personal.emailLookup("alice@idor.example")).update();
        assertThat(alice.get(aliceLink).statusCode()).as("expired").isEqualTo(404);
        assertThat(alice.post(aliceLink + "/erase", Map.of(), "Origin", alice.origin()).statusCode()).isEqualTo(404);
        assertThat(statuses("alice@idor.example")).isEqualTo(Map.of("weekly-en", "ACTIVE"));
    }
}
