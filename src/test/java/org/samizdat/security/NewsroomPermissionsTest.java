package org.samizdat.security;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffDirectory;
import org.samizdat.staff.internal.SignInThrottle;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every newsroom endpoint the application has at run time, called as a signed-out visitor, an author, an editor
 * and an admin, against the least role each one needs. An endpoint missing from {@link #EXPECTED} fails the test:
 * whoever adds one must decide who may use it.
 */
@AppTest
class NewsroomPermissionsTest {

    /** Who may use an endpoint: anybody, or staff from this role up. */
    enum Access { ANYONE, AUTHOR, EDITOR, ADMIN }

    static final Map<String, Access> EXPECTED = Map.ofEntries(
            entry("GET /newsroom", Access.AUTHOR),
            entry("GET /newsroom/stories", Access.AUTHOR),
            entry("GET /newsroom/stories/new", Access.AUTHOR),
            entry("GET /newsroom/stories/{id}", Access.AUTHOR),
            entry("POST /newsroom/stories/{ref}", Access.AUTHOR),
            entry("POST /newsroom/stories/{ref}/preview", Access.AUTHOR),
            entry("POST /newsroom/stories/{ref}/publish", Access.EDITOR),
            entry("POST /newsroom/stories/{ref}/schedule", Access.EDITOR),
            entry("POST /newsroom/stories/{id}/withdraw", Access.EDITOR),
            entry("POST /newsroom/stories/{id}/unschedule", Access.EDITOR),
            entry("GET /newsroom/stories/{id}/revisions", Access.AUTHOR),
            entry("POST /newsroom/stories/{id}/revisions/{revision}/restore", Access.AUTHOR),
            entry("GET /newsroom/asks", Access.EDITOR),
            entry("GET /newsroom/asks/new", Access.EDITOR),
            entry("GET /newsroom/asks/{id}", Access.EDITOR),
            entry("POST /newsroom/asks", Access.EDITOR),
            entry("POST /newsroom/asks/{id}", Access.EDITOR),
            entry("GET /newsroom/mirrors", Access.ADMIN),
            entry("POST /newsroom/mirrors", Access.ADMIN),
            entry("POST /newsroom/mirrors/export", Access.ADMIN),
            entry("POST /newsroom/mirrors/{id}", Access.ADMIN),
            entry("GET /newsroom/newsletter/editions/{id}/progress.json", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/{action}", Access.EDITOR),
            entry("GET /newsroom/revenue", Access.EDITOR),
            entry("GET /newsroom/revenue/donations", Access.EDITOR),
            entry("GET /newsroom/revenue/donations.csv", Access.ADMIN),
            entry("GET /newsroom/revenue/plans", Access.EDITOR),
            entry("GET /newsroom/revenue/settings", Access.ADMIN),
            entry("GET /newsroom/revenue/supporters", Access.ADMIN),
            entry("POST /newsroom/revenue/donations/{id}/received", Access.EDITOR),
            entry("POST /newsroom/revenue/plans/{id}/cancel", Access.ADMIN),
            entry("POST /newsroom/revenue/plans/{id}/renew", Access.EDITOR),
            entry("POST /newsroom/revenue/settings", Access.ADMIN),
            entry("GET /newsroom/authors", Access.EDITOR),
            entry("GET /newsroom/authors/new", Access.EDITOR),
            entry("GET /newsroom/authors/{id}", Access.EDITOR),
            entry("POST /newsroom/authors/{ref}", Access.EDITOR),
            entry("GET /newsroom/tags", Access.EDITOR),
            entry("POST /newsroom/tags/{id}", Access.EDITOR),
            entry("GET /newsroom/sections", Access.EDITOR),
            entry("POST /newsroom/sections", Access.EDITOR),
            entry("POST /newsroom/sections/{id}", Access.EDITOR),
            entry("GET /newsroom/search", Access.EDITOR),
            entry("POST /newsroom/search/rebuild", Access.EDITOR),
            entry("GET /newsroom/newsletter", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions", Access.EDITOR),
            entry("GET /newsroom/newsletter/editions/{id}", Access.EDITOR),
            entry("GET /newsroom/newsletter/editions/{id}/preview.html", Access.EDITOR),
            entry("GET /newsroom/newsletter/editions/{id}/preview.txt", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/test", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/send", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/schedule", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/unschedule", Access.EDITOR),
            entry("GET /newsroom/newsletter/editions/{id}/edit", Access.EDITOR),
            entry("POST /newsroom/newsletter/editions/{id}/edit", Access.EDITOR),
            entry("GET /newsroom/newsletter/schedule", Access.EDITOR),
            entry("POST /newsroom/newsletter/schedule", Access.EDITOR),
            entry("POST /newsroom/newsletter/schedule/stop", Access.EDITOR),
            entry("GET /newsroom/newsletter/subscribers", Access.EDITOR),
            entry("POST /newsroom/newsletter/subscribers/import", Access.EDITOR),
            entry("GET /newsroom/newsletter/subscribers.csv", Access.EDITOR),
            entry("GET /newsroom/staff", Access.ADMIN),
            entry("POST /newsroom/staff", Access.ADMIN),
            entry("POST /newsroom/staff/two-step", Access.ADMIN),
            entry("POST /newsroom/staff/{id}/role", Access.ADMIN),
            entry("POST /newsroom/staff/{id}/enabled", Access.ADMIN),
            entry("GET /newsroom/audit", Access.ADMIN),
            entry("GET /newsroom/privacy/{lang}", Access.ADMIN),
            entry("POST /newsroom/privacy/{lang}", Access.ADMIN),
            entry("GET /newsroom/account", Access.AUTHOR),
            entry("POST /newsroom/account", Access.AUTHOR),
            entry("GET /newsroom/account/two-step", Access.AUTHOR),
            entry("POST /newsroom/account/two-step/enable", Access.AUTHOR),
            entry("POST /newsroom/account/two-step/disable", Access.AUTHOR),
            entry("GET /newsroom/signin", Access.ANYONE),
            entry("GET /newsroom/forbidden", Access.ANYONE));

    /** Endpoints outside Spring MVC's handler mappings (actuator), checked the same way. */
    static final Map<String, Access> EXTRA = Map.of(
            "GET /newsroom/actuator/health", Access.ANYONE,
            "GET /newsroom/actuator/prometheus", Access.ADMIN);

    static final String PASSWORD = "permissions are checked everywhere";
    static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+)(?::[^{}]*(?:\\{[^}]*\\}[^{}]*)*)?\\}");

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    SignInThrottle throttle;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every newsroom endpoint as "METHOD /path/{variable}", variables stripped of their patterns. */
    List<String> endpoints() {
        TreeSet<String> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/newsroom") && !pattern.startsWith("/newsroom/")) {
                    continue;
                }
                String plain = VARIABLE.matcher(pattern).replaceAll("{$1}");
                if (methods.isEmpty()) {
                    found.add("GET " + plain);
                }
                for (RequestMethod method : methods) {
                    found.add(method.name() + " " + plain);
                }
            }
        }
        return new ArrayList<>(found);
    }

    @Test
    void everyNewsroomEndpointIsInTheTable() {
        List<String> missing = endpoints().stream().filter(e -> !EXPECTED.containsKey(e)).toList();
        assertThat(missing).as("Newsroom endpoints with no expected role: add each to NewsroomPermissionsTest.EXPECTED"
                + " with the least role that may use it").isEmpty();
        List<String> gone = EXPECTED.keySet().stream().filter(e -> !endpoints().contains(e)).toList();
        assertThat(gone).as("Entries of NewsroomPermissionsTest.EXPECTED with no endpoint any more: remove them").isEmpty();
    }

    @Test
    void eachRoleReachesExactlyWhatItShould() throws Exception {
        throttle.clear();
        NewsroomClient author = signedIn(Role.AUTHOR);
        long story = ownStory(author);
        Map<Access, NewsroomClient> clients = new java.util.LinkedHashMap<>();
        clients.put(Access.ANYONE, new NewsroomClient(port));
        clients.put(Access.AUTHOR, author);
        clients.put(Access.EDITOR, signedIn(Role.EDITOR));
        clients.put(Access.ADMIN, signedIn(Role.ADMIN));
        Map<String, Access> all = new java.util.TreeMap<>(EXPECTED);
        all.putAll(EXTRA);
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Access> endpoint : all.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String path = concrete(endpoint.getKey().substring(method.length() + 1), story);
            for (Map.Entry<Access, NewsroomClient> as : clients.entrySet()) {
                NewsroomClient client = as.getValue();
                client.get(as.getKey() == Access.ANYONE ? "/newsroom/signin" : "/newsroom/account");
                HttpResponse<String> response = method.equals("GET") ? client.get(path) : client.post(path, Map.of());
                String outcome = outcome(response);
                String expected = as.getKey() == Access.ANYONE && endpoint.getValue() != Access.ANYONE ? "signin"
                        : as.getKey().compareTo(endpoint.getValue()) >= 0 ? "allowed" : "forbidden";
                if (!outcome.equals(expected) && !(path.equals("/newsroom/forbidden") && outcome.equals("forbidden"))) {
                    wrong.add(endpoint.getKey() + " as " + as.getKey() + ": " + outcome + " (" + response.statusCode()
                            + "), expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    static String outcome(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() == 302 && location.endsWith("/newsroom/signin")) {
            return "signin";
        }
        return response.statusCode() == 403 ? "forbidden" : "allowed";
    }

    /** Fills path variables: the author's own story for story ids, English for languages, a number otherwise. */
    static String concrete(String template, long story) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "lang" -> "en";
                case "id", "ref" -> template.startsWith("/newsroom/stories/") ? String.valueOf(story) : "999999";
                default -> "1";
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    NewsroomClient signedIn(Role role) throws Exception {
        String username = NewsroomClient.unique(role.name().toLowerCase());
        staff.create(username, username, role, PASSWORD);
        NewsroomClient client = new NewsroomClient(port);
        assertThat(client.signIn(username, PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/newsroom");
        return client;
    }

    static long ownStory(NewsroomClient author) throws Exception {
        author.get("/newsroom/stories/new");
        HttpResponse<String> created = author.post("/newsroom/stories/new",
                Map.of("headline", NewsroomClient.unique("Permissions "), "language", "en", "body", "Text", "standfirst", ""));
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll(".*/newsroom/stories/([0-9]+)\\?.*", "$1"));
    }
}
