package org.samizdat.content.web.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.support.AppTest;

/** Sections, tags and authors as editors manage them. */
@AppTest
class CatalogueTest extends SignedInEditor {

    @Test
    void aRejectedAuthorPhotoIsAFieldError() throws Exception {
        editor.get("/newsroom/authors/new");
        HttpResponse<String> page = editor.postMultipart("/newsroom/authors/new",
                Map.of("name", "Photo Author", "slug", "", "bio", "Kept bio"), "photo", new byte[] {9, 9, 9});
        assertThat(page.statusCode()).isEqualTo(422);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#photo-error").text()).isNotBlank();
        assertThat(html.select("textarea#bio").text()).isEqualTo("Kept bio");
    }

    @Test
    void sectionsTagsAndAuthorsCanBeManaged() throws Exception {
        editor.get("/newsroom/sections");
        String slug = NewsroomClient.unique("war");
        assertThat(editor.post("/newsroom/sections", Map.of("slug", slug, "nameEn", "War", "nameRu", "Война",
                "position", "3")).statusCode()).isEqualTo(302);
        HttpResponse<String> duplicate = editor.post("/newsroom/sections", Map.of("slug", slug, "nameEn", "War 2",
                "nameRu", "Война 2", "position", "4"));
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(duplicate.body()).contains("Another entry already uses this address", "War 2");
        assertThat(new NewsroomClient(port).get("/en/sections/" + slug).statusCode()).isEqualTo(200);

        editor.get("/newsroom/authors/new");
        assertThat(editor.post("/newsroom/authors/new", Map.of("name", "Anna Reporter", "slug", "", "bio", "Covers the war"))
                .statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom/authors").body()).contains("Anna Reporter");

        save("/newsroom/stories/new", fields("Tagged story", "tags", "misspeled"));
        Document tags = Jsoup.parse(editor.get("/newsroom/tags?lang=en").body());
        String action = tags.select("form[action^=/newsroom/tags/]").stream()
                .filter(f -> f.select("input[name=name]").attr("value").equals("misspeled")).findFirst().orElseThrow()
                .attr("action");
        assertThat(editor.post(action, Map.of("name", "Misspelled")).statusCode()).isEqualTo(302);
        assertThat(editor.get("/newsroom/tags?lang=en").body()).contains("Misspelled");
    }

    @Test
    void renamingASectionRefreshesCachedPublicPages() throws Exception {
        editor.get("/newsroom/sections");
        String slug = NewsroomClient.unique("culture");
        editor.post("/newsroom/sections", Map.of("slug", slug, "nameEn", "Arts desk", "nameRu", "Культура", "position", "9"));
        NewsroomClient reader = new NewsroomClient(port);
        assertThat(reader.get("/en").body()).contains("Arts desk");
        assertThat(reader.get("/en").headers().firstValue("X-Cache")).contains("hit");
        String action = Jsoup.parse(editor.get("/newsroom/sections").body()).select("form[action^=/newsroom/sections/]")
                .stream().filter(f -> f.select("input[value=" + slug + "]").size() > 0).findFirst().orElseThrow()
                .attr("action");
        assertThat(editor.post(action, Map.of("slug", slug, "nameEn", "Culture and arts", "nameRu", "Культура",
                "position", "9")).statusCode()).isEqualTo(302);
        assertThat(reader.get("/en").body()).contains("Culture and arts").doesNotContain("Arts desk");
    }
}
