package org.samizdat.distribution.web;

import java.util.List;
import org.samizdat.distribution.internal.MirrorEntry;
import org.samizdat.distribution.internal.MirrorList;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.PagePart;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The footer line of every public page: a link to "How to reach us" and the first few live ways in, so a
 * reader whose domain is about to be blocked sees the next one. Kept to one short line for the page budget.
 */
@Component
class MirrorFooter implements PagePart {

    static final int SHOWN = 3;

    private final MirrorList mirrors;
    private final Pages pages;

    MirrorFooter(MirrorList mirrors, Pages pages) {
        this.mirrors = mirrors;
        this.pages = pages;
    }

    @Override
    public Place place() {
        return Place.FOOTER;
    }

    @Override
    public String html(Language language) {
        Texts t = pages.texts(language);
        StringBuilder html = new StringBuilder("<p class=\"mirrors\"><a href=\"/").append(language.code())
                .append("/reach\">").append(HtmlUtils.htmlEscape(t.get("distribution.footer.reach"))).append("</a>");
        List<MirrorEntry> live = mirrors.snapshot().live();
        for (int i = 0; i < Math.min(SHOWN, live.size()); i++) {
            MirrorEntry entry = live.get(i);
            html.append(i == 0 ? ": " : " · ").append("<a href=\"").append(HtmlUtils.htmlEscape(entry.address()))
                    .append("\" rel=\"nofollow\">").append(HtmlUtils.htmlEscape(entry.shown())).append("</a>");
        }
        return html.append("</p>").toString();
    }
}
