package org.samizdat.newsletter.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.stereotype.Component;

/** Renders an edition for one recipient (or for a preview or test, with a stand-in unsubscribe link). */
@Component
class EditionMails {

    private final TemplateEngine templates;
    private final Pages pages;
    private final NewsletterMails mails;

    EditionMails(TemplateEngine templates, Pages pages, NewsletterMails mails) {
        this.templates = templates;
        this.pages = pages;
        this.mails = mails;
    }

    EditionView view(Edition edition, String unsubscribeUrl) {
        Texts t = pages.texts(edition.newsletter().language());
        String origin = pages.site().canonicalOrigin();
        String siteName = pages.site().name(edition.newsletter().language());
        List<EditionView.Story> stories = edition.items().stream()
                .map(i -> new EditionView.Story(i.headline(), i.standfirst(), origin + i.path())).toList();
        return new EditionView(edition.newsletter().language().code(), siteName, edition.subject(),
                edition.preheader(), edition.intro(), stories, t.get("newsletter.edition.read"),
                t.get("newsletter.edition.footer", edition.newsletter().name(), siteName),
                t.get("newsletter.mail.unsubscribe"), unsubscribeUrl);
    }

    String html(EditionView view) {
        StringOutput out = new StringOutput();
        templates.render("newsletter/mail/edition.jte", view, out);
        return out.toString();
    }

    OutgoingMail mail(Edition edition, String to, String unsubscribeToken) {
        String url = pages.site().canonicalOrigin() + "/newsletter/unsubscribe/" + unsubscribeToken;
        EditionView view = view(edition, url);
        return new OutgoingMail(to, oneLine(edition.subject()), html(view), view.text(),
                mails.unsubscribeHeaders(url, unsubscribeToken));
    }

    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\u0000]+", " ").strip();
    }
}
