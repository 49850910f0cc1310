package org.samizdat.revenue.btcpay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.samizdat.cluster.ClusterJobs;
import org.samizdat.mail.Mailer;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.btcpay.CryptoRenewalRepository.CryptoPlan;
import org.samizdat.shared.Language;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Recurring crypto support. Crypto cannot be pulled from a wallet, so when a BTCPay plan's next period begins its
 * supporter is mailed a fresh invoice link for the plan's current amount. Every node runs the job; the per-period
 * claim lets one of them do each period, and a node that dies half way leaves a lease that runs out.
 */
@Component
class CryptoRenewals {

    private static final Logger log = LoggerFactory.getLogger(CryptoRenewals.class);
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final BtcpayProperties properties;
    private final CryptoRenewalRepository repository;
    private final BtcpayApi api;
    private final Mailer mailer;
    private final PersonalData personalData;
    private final Pages pages;
    private final RevenueOptions options;
    private final Clock clock;
    private final ClusterJobs jobs;

    CryptoRenewals(BtcpayProperties properties, CryptoRenewalRepository repository, BtcpayApi api, Mailer mailer,
            PersonalData personalData, Pages pages, RevenueOptions options, Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.properties = properties;
        this.repository = repository;
        this.api = api;
        this.mailer = mailer;
        this.personalData = personalData;
        this.pages = pages;
        this.options = options;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${samizdat.btcpay.renewal-initial-delay:1m}",
            fixedDelayString = "${samizdat.btcpay.renewal-interval:15m}")
    void scheduled() {
        // One node per quarter hour makes the pass (it catches up on every due period); the per-period claim below
        // is still what makes each link go out once.
        if (properties.configured() && jobs.claim("crypto-renewals", String.valueOf(clock.millis() / 900_000))) {
            run(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        }
    }

    /** Mails the links of every period begun by {@code today} that no node has mailed yet; returns how many. */
    int run(LocalDate today) {
        int sent = 0;
        for (CryptoPlan plan : repository.activePlans()) {
            Optional<LocalDate> period = plan.duePeriod(today);
            Instant now = clock.instant();
            if (period.isEmpty() || plan.emailSealed() == null || !repository.claim(plan, period.get(), now, now.plus(LEASE))) {
                continue;
            }
            try {
                renew(plan, period.get());
                sent++;
            } catch (RuntimeException e) {
                log.warn("Crypto renewal link for plan {} not sent ({}); tried again when the claim runs out",
                        plan.id(), e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    private void renew(CryptoPlan plan, LocalDate period) {
        String orderId = "renewal-" + plan.id() + "-" + period;
        Language language = Language.of(plan.language());
        Texts t = pages.texts(language);
        BtcpayInvoice invoice = api.openInvoice(orderId).orElseGet(() -> api.create(orderId, plan.amountMinor(),
                plan.currency(), language.code(), null, t.get("payments.descriptor")));
        repository.invoiced(plan.id(), period, invoice.id());
        String amount = options.format(plan.amountMinor(), plan.currency(), language);
        String site = pages.site().name(language);
        String subject = t.get("payments.crypto.renewal.subject", site);
        String intro = t.get("payments.crypto.renewal.body", amount, site);
        String button = t.get("payments.crypto.renewal.button");
        String footer = t.get("payments.crypto.renewal.footer");
        String text = intro + "\n\n" + button + ": " + invoice.checkoutLink() + "\n\n" + footer + "\n";
        String html = "<!doctype html><html lang=\"" + language.code() + "\"><body><p>" + HtmlUtils.htmlEscape(intro)
                + "</p><p><a href=\"" + HtmlUtils.htmlEscape(invoice.checkoutLink()) + "\">" + HtmlUtils.htmlEscape(button)
                + "</a></p><p>" + HtmlUtils.htmlEscape(footer) + "</p></body></html>";
        mailer.send(new OutgoingMail(personalData.open(plan.emailSealed()), subject, html, text));
        repository.mailed(plan.id(), period, clock.instant());
    }
}
