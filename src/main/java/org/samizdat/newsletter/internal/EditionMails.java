package org.samizdat.newsletter.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.List;
import java.util.Map;
import org.samizdat.mail.MassMail;
import org.samizdat.mail.Mailer;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.shared.web.Mirrors;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Renders an edition for one recipient (or for a preview or test, with stand-in links). The footer lists the
 * newsroom's live mirrors when a {@link Mirrors} implementation is present, and nothing otherwise.
 */
@Component
class EditionMails {

    private final TemplateEngine templates;
    private final Pages pages;
    private final NewsletterMails mails;
    private final ObjectProvider<Mirrors> mirrors;
    private final Mailer mailer;

    EditionMails(TemplateEngine templates, Pages pages, NewsletterMails mails, ObjectProvider<Mirrors> mirrors,
            Mailer mailer) {
        this.templates = templates;
        this.mailer = mailer;
        this.pages = pages;
        this.mails = mails;
        this.mirrors = mirrors;
    }

    EditionView view(Edition edition, String unsubscribeUrl, String preferencesUrl) {
        Texts t = pages.texts(edition.newsletter().language());
        String origin = pages.site().canonicalOrigin();
        String siteName = pages.site().name(edition.newsletter().language());
        List<EditionView.Story> stories = edition.items().stream()
                .map(i -> new EditionView.Story(i.headline(), i.standfirst(), origin + i.path())).toList();
        return new EditionView(edition.newsletter().language().code(), siteName, edition.subject(),
                edition.preheader(), edition.intro(), stories, t.get("newsletter.edition.read"),
                t.get("newsletter.edition.footer", edition.newsletter().name(), siteName),
                t.get("newsletter.mail.unsubscribe"), unsubscribeUrl, t.get("newsletter.mail.preferences"),
                preferencesUrl, t.get("newsletter.mail.mirrors"), mirrors());
    }

    private List<EditionView.Link> mirrors() {
        Mirrors list = mirrors.getIfAvailable();
        if (list == null) {
            return List.of();
        }
        return list.live().stream().filter(m -> m.address() != null && m.address().matches("(?i)https?://\\S+"))
                .map(m -> new EditionView.Link(m.label() == null || m.label().isBlank() ? m.address() : m.label().strip(),
                        m.address())).toList();
    }

    String html(EditionView view) {
        StringOutput out = new StringOutput();
        templates.render("newsletter/mail/edition.jte", view, out);
        return out.toString();
    }

    OutgoingMail mail(Edition edition, String to, String unsubscribeToken, String preferencesToken) {
        String url = pages.site().canonicalOrigin() + "/newsletter/unsubscribe/" + unsubscribeToken;
        EditionView view = view(edition, url, pages.site().canonicalOrigin() + "/newsletter/preferences/" + preferencesToken);
        return new OutgoingMail(to, oneLine(edition.subject()), html(view), view.text(),
                mails.unsubscribeHeaders(url, unsubscribeToken));
    }

    /**
     * An edition rendered once for all its recipients: HTML and text with a random stand-in for each reader's
     * unsubscribe and preference tokens, which {@link #mail(Prepared, String, String, String)} swaps in. Tokens are
     * URL-safe Base64, which neither HTML nor text escapes, so the result equals rendering per reader.
     */
    record Prepared(String subject, String html, String text, String unsubscribeMark, String preferencesMark,
            MassMail mass) {
    }

    Prepared prepare(Edition edition) {
        String unsubscribeMark = Tokens.generate();
        String preferencesMark = Tokens.generate();
        OutgoingMail mail = mail(edition, "stand-in@localhost", unsubscribeMark, preferencesMark);
        return new Prepared(mail.subject(), mail.html(), mail.text(), unsubscribeMark, preferencesMark,
                mailer.massMail(mail.subject(), mail.html(), mail.text(), List.of(unsubscribeMark, preferencesMark)));
    }

    OutgoingMail mail(Prepared edition, String to, String unsubscribeToken, String preferencesToken) {
        return new OutgoingMail(to, edition.subject(), personal(edition, edition.html(), unsubscribeToken,
                preferencesToken), personal(edition, edition.text(), unsubscribeToken, preferencesToken),
                headers(unsubscribeToken));
    }

    /** A reader's own headers: one-click unsubscribe with their token. */
    Map<String, String> headers(String unsubscribeToken) {
        return mails.unsubscribeHeaders(pages.site().canonicalOrigin() + "/newsletter/unsubscribe/" + unsubscribeToken,
                unsubscribeToken);
    }

    private static String personal(Prepared edition, String body, String unsubscribeToken, String preferencesToken) {
        return body.replace(edition.unsubscribeMark(), unsubscribeToken).replace(edition.preferencesMark(),
                preferencesToken);
    }

    static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\u0000]+", " ").strip();
    }
}
