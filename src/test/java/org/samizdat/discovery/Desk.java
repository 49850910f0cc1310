package org.samizdat.discovery;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;

/** Test helper: writes and publishes stories through the workflow (so events fire) and fetches pages. */
final class Desk {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);

    private final StoryWorkflow workflow;
    private final CatalogRepository catalog;
    private final int port;
    List<Long> authors = List.of();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    Desk(StoryWorkflow workflow, CatalogRepository catalog, int port) {
        this.workflow = workflow;
        this.catalog = catalog;
        this.port = port;
    }

    long publish(Language language, String headline, String body, Long sectionId, List<String> tags) {
        long id = workflow.save(draft(null, language, headline, body, sectionId, tags), EDITOR);
        workflow.publish(id, EDITOR);
        return id;
    }

    void edit(long id, Language language, String headline, String body, Long sectionId, List<String> tags) {
        workflow.save(draft(id, language, headline, body, sectionId, tags), EDITOR);
    }

    void withdraw(long id) {
        workflow.withdraw(id, EDITOR);
    }

    long section(String slug) {
        return catalog.sectionBySlug(slug).map(s -> s.id())
                .orElseGet(() -> catalog.saveSection(null, slug, "Section " + slug, "Раздел " + slug, 9));
    }

    long author(String slug, String name) {
        return catalog.authorBySlug(slug).map(a -> a.id()).orElseGet(() -> catalog.saveAuthor(null, slug, name, "", null));
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> search(String lang, String query) throws Exception {
        return get("/" + lang + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    private StoryDraft draft(Long id, Language language, String headline, String body, Long sectionId,
            List<String> tags) {
        return new StoryDraft(id, language, null, headline, "A standfirst about " + headline, body, null, null, null,
                sectionId, tags, authors, null, null, null, null, null, null, null, null, false);
    }
}
