package org.samizdat.revenue.internal;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.samizdat.mail.Mailer;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.revenue.DonationCompleted;
import org.samizdat.shared.web.Dates;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The receipt mailed after a donation is credited, in the donor's language and in neutral words (it may be read
 * over a donor's shoulder): amount, date, the statement descriptor, and for a recurring plan a signed self-service
 * link. Sent on a background thread after the credit commits; donations without an address get none.
 */
@Component
class Receipts {

    private static final Logger log = LoggerFactory.getLogger(Receipts.class);

    private final LedgerRepository donations;
    private final SupporterRepository supporters;
    private final ManageTokens tokens;
    private final Settings settings;
    private final Pages pages;
    private final Mailer mailer;
    private final TemplateEngine templates;
    private final ExecutorService background = Executors.newFixedThreadPool(2);

    Receipts(LedgerRepository donations, SupporterRepository supporters, ManageTokens tokens, Settings settings,
            Pages pages, Mailer mailer, TemplateEngine templates) {
        this.donations = donations;
        this.supporters = supporters;
        this.tokens = tokens;
        this.settings = settings;
        this.pages = pages;
        this.mailer = mailer;
        this.templates = templates;
    }

    @TransactionalEventListener
    void credited(DonationCompleted completed) {
        background.execute(() -> {
            try {
                mail(completed).ifPresent(mailer::send);
            } catch (RuntimeException e) {
                log.warn("Receipt for donation {} could not be sent: {}", completed.donationId(), e.getMessage());
            }
        });
    }

    Optional<OutgoingMail> mail(DonationCompleted completed) {
        Optional<Donation> found = donations.find(completed.donationId());
        Optional<Supporter> donor = found.map(Donation::supporterId).flatMap(supporters::find)
                .filter(s -> s.email() != null);
        if (found.isEmpty() || donor.isEmpty()) {
            return Optional.empty();
        }
        Donation d = found.get();
        Texts t = pages.texts(d.language());
        String site = pages.site().name(d.language());
        String amount = Money.format(d.amountMinor(), d.currency(), d.language());
        String descriptor = settings.current().descriptor();
        String manage = d.planId() == null ? null
                : pages.site().canonicalOrigin() + "/support/manage/" + tokens.issue(d.planId());
        ReceiptView view = new ReceiptView(d.language().code(), site, t.get("revenue.receipt.heading"),
                t.get("revenue.receipt.body." + d.frequency().code(), amount, site),
                t.get("revenue.receipt.details", amount, Dates.date(d.statusAt(), d.language()), d.id()),
                descriptor.isEmpty() ? "" : t.get("revenue.receipt.descriptor", descriptor),
                t.get("revenue.receipt.manage"), manage, t.get("revenue.receipt.footer", site));
        StringOutput html = new StringOutput();
        templates.render("revenue/mail/receipt.jte", view, html);
        return Optional.of(new OutgoingMail(donor.get().email(), t.get("revenue.receipt.subject", site),
                html.toString(), view.text()));
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
