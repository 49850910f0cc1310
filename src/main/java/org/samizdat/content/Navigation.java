package org.samizdat.content;

import java.util.List;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.NavItem;
import org.springframework.stereotype.Component;

/** The section links every page's masthead shows, in the page's language. */
@Component
public class Navigation {

    private final CatalogRepository catalog;

    Navigation(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    public List<NavItem> sections(Language language) {
        return catalog.sections().stream().map(s -> new NavItem(s.name(language), s.path(language))).toList();
    }
}
