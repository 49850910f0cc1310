package org.samizdat.newsletter.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.samizdat.mail.MailProperties;
import org.samizdat.mail.Mailer;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The confirmation and welcome mails. They go out on a background thread after the sign-up commits, so a
 * sign-up takes the same time whether or not a mail was sent (no enumeration by timing).
 */
@Component
class NewsletterMails {

    private static final Logger log = LoggerFactory.getLogger(NewsletterMails.class);

    private final Mailer mailer;
    private final TemplateEngine templates;
    private final Pages pages;
    private final NewsletterProperties properties;
    private final String mailDomain;
    private final ExecutorService background = Executors.newFixedThreadPool(2);

    NewsletterMails(Mailer mailer, TemplateEngine templates, Pages pages, NewsletterProperties properties,
            MailProperties mail) {
        this.mailer = mailer;
        this.templates = templates;
        this.pages = pages;
        this.properties = properties;
        this.mailDomain = mail.domain();
    }

    void confirmation(Subscription subscription, String token, String preferencesToken) {
        Texts t = pages.texts(subscription.newsletter().language());
        String name = subscription.newsletter().name();
        MailView view = view(subscription, t.get("newsletter.mail.confirm.heading", name),
                t.get("newsletter.mail.confirm.body", name, siteName(subscription)),
                t.get("newsletter.mail.confirm.button"), origin() + "/newsletter/confirm/" + token, null,
                preferencesToken);
        sendAfterCommit(new OutgoingMail(subscription.email(), t.get("newsletter.mail.confirm.subject", name),
                render(view), view.text()));
    }

    void welcome(Subscription subscription, String unsubscribeToken, String preferencesToken) {
        Texts t = pages.texts(subscription.newsletter().language());
        String name = subscription.newsletter().name();
        String unsubscribe = origin() + "/newsletter/unsubscribe/" + unsubscribeToken;
        MailView view = view(subscription, t.get("newsletter.mail.welcome.heading", name),
                t.get("newsletter.mail.welcome.body", name), t.get("newsletter.mail.welcome.button"),
                origin() + "/" + subscription.newsletter().language().code(), unsubscribe, preferencesToken);
        sendAfterCommit(new OutgoingMail(subscription.email(), t.get("newsletter.mail.welcome.subject", name),
                render(view), view.text(), unsubscribeHeaders(unsubscribe, unsubscribeToken)));
    }

    /** RFC 2369 and RFC 8058 one-click unsubscribe: an https link that takes a POST, and a mailto fallback. */
    Map<String, String> unsubscribeHeaders(String url, String token) {
        String mailbox = properties.unsubscribeMailto().isEmpty() ? "unsubscribe@" + mailDomain
                : properties.unsubscribeMailto();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">, <mailto:" + mailbox + "?subject=unsubscribe%20" + token + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    private MailView view(Subscription subscription, String heading, String body, String button, String url,
            String unsubscribeUrl, String preferencesToken) {
        Texts t = pages.texts(subscription.newsletter().language());
        return new MailView(subscription.newsletter().language().code(), siteName(subscription), heading, body,
                button, url, t.get("newsletter.mail.footer", siteName(subscription)),
                t.get("newsletter.mail.unsubscribe"), unsubscribeUrl, t.get("newsletter.mail.preferences"),
                origin() + "/newsletter/preferences/" + preferencesToken);
    }

    private String render(MailView view) {
        StringOutput out = new StringOutput();
        templates.render("newsletter/mail/notice.jte", view, out);
        return out.toString();
    }

    private void sendAfterCommit(OutgoingMail mail) {
        Runnable send = () -> background.execute(() -> {
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                log.warn("A newsletter service mail could not be sent: {}", e.getMessage());
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private String origin() {
        return pages.site().canonicalOrigin();
    }

    private String siteName(Subscription subscription) {
        return pages.site().name(subscription.newsletter().language());
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
