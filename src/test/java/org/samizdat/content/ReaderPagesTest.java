package org.samizdat.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Readers' pages through real HTTP: story, old-slug redirect, unknown slugs. */
@AppTest
class ReaderPagesTest {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long story(String headline, Language language) {
        long id = workflow.save(new StoryDraft(null, language, null, headline, "A standfirst", "Body **bold**",
                null, null, null, null, List.of("Drills"), List.of(), null, null, null, null, null, null, null, null,
                false), EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    @Test
    void publishedStoryIsReadable() throws Exception {
        long id = story("Army holds drills near the border", Language.EN);
        HttpResponse<String> page = get("/en/stories/army-holds-drills-near-the-border");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Army holds drills near the border</h1>", "<strong>bold</strong>",
                "NewsArticle", "lang=\"en\"");
        assertThat(id).isPositive();
    }

    @Test
    void cyrillicHeadlineGetsTransliteratedSlug() throws Exception {
        story("Учения у границы", Language.RU);
        HttpResponse<String> page = get("/ru/stories/ucheniya-u-granitsy");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"ru\"", "Учения у границы");
    }

    @Test
    void unknownSlugGetsTheSite404() throws Exception {
        HttpResponse<String> page = get("/en/stories/no-such-story");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }

    @Test
    void homeListsTheStory() throws Exception {
        story("Home page story", Language.EN);
        HttpResponse<String> page = get("/en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Home page story");
    }
}
