package org.samizdat.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.NewsroomClient;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;

/** Publishes what the adversarial tests need and fetches public pages over HTTP. */
record Pages(int port, StoryWorkflow workflow, CatalogRepository catalog) {

    static final StaffMember EDITOR = new StaffMember(1, "editor", "Editor", Role.EDITOR);
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Publishes a story with the given fields; returns its host-relative address. */
    String story(String headline, String standfirst, String body, Long mediaId, String caption, String credit,
            Long sectionId, List<String> tags, List<Long> authors) {
        String slug = NewsroomClient.unique("hostile-");
        long id = workflow.save(new StoryDraft(null, Language.EN, slug, headline, standfirst, body, mediaId, caption,
                credit, sectionId, tags, authors, null, null, null, null, null, null, null, null, false), EDITOR);
        workflow.publish(id, EDITOR);
        return "/en/stories/" + slug;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
