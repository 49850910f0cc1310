package org.samizdat.discovery.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.samizdat.content.SectionRef;
import org.samizdat.discovery.internal.SearchRequest;
import org.samizdat.discovery.internal.SearchResults;

/** What the search page shows: the cleaned request, its results, the sections to filter by, page links. */
public record SearchView(SearchRequest request, SearchResults results, List<SectionRef> sections, String path) {

    public String dateFrom() {
        return request.from() == null ? "" : request.from().toString();
    }

    public String dateTo() {
        return request.to() == null ? "" : request.to().toString();
    }

    /** The address of another page of the same search (host-relative, query string encoded). */
    public String link(int page) {
        StringBuilder query = new StringBuilder(path).append("?q=").append(encode(request.query()));
        if (request.language() != null) {
            query.append("&language=").append(request.language().code());
        }
        if (request.section() != null) {
            query.append("&section=").append(request.section());
        }
        if (request.from() != null) {
            query.append("&from=").append(request.from());
        }
        if (request.to() != null) {
            query.append("&to=").append(request.to());
        }
        return page > 1 ? query.append("&page=").append(page).toString() : query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
