package org.samizdat.revenue.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.samizdat.revenue.Frequency;
import org.samizdat.revenue.RevenueOptions;
import org.samizdat.revenue.checkout.CheckoutStart;
import org.samizdat.revenue.checkout.PaymentProvider;
import org.samizdat.revenue.checkout.PendingDonation;
import org.samizdat.revenue.checkout.ProviderUnavailable;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.shared.web.Pages;
import org.samizdat.shared.web.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The checkout: checks the form against the newsroom's options (readable message per field), limits checkouts
 * per client, stores the pending donation and hands it to the chosen provider.
 */
@Service
public class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);
    private static final String ASK = "[A-Za-z0-9_-]{1,40}";
    private static final String EMAIL = "[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\".]{2,63}";

    private final RevenueOptions options;
    private final PendingDonations pending;
    private final ObjectProvider<PaymentProvider> providers;
    private final Settings settings;
    private final Pages pages;
    private final PersonalData personal;
    private final Cache<String, AtomicInteger> clients;
    private final int perClient;

    Checkout(RevenueOptions options, PendingDonations pending, ObjectProvider<PaymentProvider> providers,
            Settings settings, Pages pages, PersonalData personal, RevenueProperties properties) {
        this.options = options;
        this.pending = pending;
        this.providers = providers;
        this.settings = settings;
        this.pages = pages;
        this.personal = personal;
        this.clients = Caffeine.newBuilder().expireAfterWrite(properties.clientWindow()).maximumSize(100_000).build();
        this.perClient = properties.checkoutsPerClient();
    }

    public CheckoutOutcome start(CheckoutRequest form) {
        Texts t = pages.texts(form.language());
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Frequency> frequency = Frequency.fromCode(form.frequency());
        if (frequency.isEmpty()) {
            errors.put("frequency", t.get("revenue.error.frequency"));
        }
        String currency = form.currency() == null ? "" : form.currency().strip().toUpperCase(java.util.Locale.ROOT);
        boolean currencyOk = options.currencies().contains(currency);
        if (!currencyOk) {
            errors.put("currency", t.get("revenue.error.currency"));
        }
        Amounts.Parsed amount = currencyOk ? Amounts.parse(form.amount(), currency, form.language(),
                options.minimumMinor(currency), options.maximumMinor(currency)) : null;
        if (amount != null && !amount.ok()) {
            errors.put("amount", t.get("revenue.error.amount." + amount.problem(),
                    options.format(options.minimumMinor(currency), currency, form.language()),
                    options.format(options.maximumMinor(currency), currency, form.language())));
        }
        String method = form.method() == null ? "" : form.method().strip();
        Optional<PaymentProvider> provider = options.methods().contains(method)
                ? providers.orderedStream().filter(p -> p.id().equals(method) && p.enabled()).findFirst()
                : Optional.empty();
        if (provider.isEmpty()) {
            errors.put("method", t.get("revenue.error.method"));
        }
        if (provider.isPresent() && BankProvider.ID.equals(method) && frequency.map(Frequency::recurring).orElse(false)) {
            errors.put("method", t.get("revenue.error.bankOnce"));
        }
        String email = blankToNull(form.email());
        if (email != null && (email.length() > 254 || !email.matches(EMAIL))) {
            errors.put("email", t.get("revenue.error.email"));
        }
        String name = blankToNull(form.name());
        if (name != null && name.length() > 100) {
            errors.put("name", t.get("revenue.error.name"));
        }
        if (!errors.isEmpty()) {
            return CheckoutOutcome.invalid(errors);
        }
        if (!mayTry(form.client())) {
            return CheckoutOutcome.limited();
        }
        String ask = form.ask() != null && form.ask().matches(ASK) ? form.ask() : null;
        Donation d = pending.create(frequency.get(), amount.minor(), currency, method, form.language(), ask, email,
                name, form.anonymous());
        try {
            CheckoutStart start = provider.get().begin(new PendingDonation(d.id(), d.frequency(), d.amountMinor(),
                    currency, form.language(), form.origin() + "/support/thanks/" + d.id(),
                    form.origin() + "/" + form.language().code() + "/support", email, settings.current().descriptor()));
            return CheckoutOutcome.started(start);
        } catch (ProviderUnavailable e) {
            log.warn("Checkout {} could not start at {}: {}", d.id(), method, e.getMessage());
            return CheckoutOutcome.failed();
        }
    }

    private boolean mayTry(String client) {
        String key = personal.lookup("checkout:" + (client == null ? "" : client));
        return clients.get(key, k -> new AtomicInteger()).incrementAndGet() <= perClient;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
