package org.samizdat.newsletter.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.samizdat.shared.Csv;
import org.samizdat.site.PolicyVersion;
import org.samizdat.site.PrivacyPolicies;
import org.samizdat.shared.privacy.PersonalData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriber lists in and out of the newsroom. An import brings readers who consented elsewhere (an old list, a
 * paper form): each address is normalised like a sign-up (case, IDN), repeats within the file are merged, suppressed
 * addresses are never added, addresses already on the newsletter are left as they are (an unsubscribed reader stays
 * unsubscribed), and every new subscription gets a consent record of form {@code import} holding the consent source
 * the editor typed. A file with any bad row imports nothing and says which lines are wrong. An export is a CSV that
 * spreadsheets cannot run formulas from.
 */
@Service
public class SubscriberLists {

    public static final int MAX_ROWS = 200_000;
    public static final int MAX_ERRORS = 50;
    public static final String[] EXPORT_HEADER = {"email", "newsletter", "status", "confirmed_at", "unsubscribed_at",
            "consent_form", "suppressed"};

    private final SubscriberListRepository lists;
    private final SubscriptionRepository subscriptions;
    private final SuppressionRepository suppressions;
    private final PrivacyPolicies policies;
    private final PersonalData personal;
    private final Clock clock;

    SubscriberLists(SubscriberListRepository lists, SubscriptionRepository subscriptions,
            SuppressionRepository suppressions, PrivacyPolicies policies, PersonalData personal, Clock clock) {
        this.lists = lists;
        this.subscriptions = subscriptions;
        this.suppressions = suppressions;
        this.policies = policies;
        this.personal = personal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<String, Map<String, Integer>> counts() {
        return lists.counts();
    }

    /** Imports a CSV file (UTF-8) of addresses into a newsletter; see the class comment for the rules. */
    @Transactional
    public ImportResult importCsv(String newsletterCode, byte[] file, String consentSource) {
        Newsletter newsletter = subscriptions.newsletters().stream().filter(n -> n.code().equals(newsletterCode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No such newsletter"));
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            return ImportResult.refused(List.of(new ImportResult.RowError(0, "newsroom.subscribers.error.encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<SubscriberCsv.Line> lines = SubscriberCsv.parse(text);
        int column = 0;
        if (!lines.isEmpty() && headerColumn(lines.get(0).cells()) >= 0) {
            column = headerColumn(lines.get(0).cells());
            lines = lines.subList(1, lines.size());
        }
        if (lines.isEmpty()) {
            return ImportResult.refused(List.of(new ImportResult.RowError(0, "newsroom.subscribers.error.empty")));
        }
        if (lines.size() > MAX_ROWS) {
            return ImportResult.refused(List.of(new ImportResult.RowError(0, "newsroom.subscribers.error.tooMany")));
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        List<ImportResult.RowError> errors = new ArrayList<>();
        int duplicates = 0;
        for (SubscriberCsv.Line line : lines) {
            String cell = column < line.cells().size() ? line.cells().get(column) : "";
            Optional<String> address = EmailAddresses.normalise(cell);
            if (address.isEmpty()) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(new ImportResult.RowError(line.number(), cell.isBlank()
                            ? "newsroom.subscribers.error.missing" : "newsroom.subscribers.error.invalid"));
                }
                continue;
            }
            if (addresses.putIfAbsent(personal.emailLookup(address.get()), address.get()) != null) {
                duplicates++;
            }
        }
        if (!errors.isEmpty()) {
            return ImportResult.refused(errors);
        }
        PolicyVersion policy = policies.current(newsletter.language())
                .orElseThrow(() -> new IllegalStateException("No privacy policy published"));
        Set<String> suppressed = suppressions.suppressedAmong(new ArrayList<>(addresses.keySet()));
        Instant now = clock.instant();
        int added = 0;
        int listed = 0;
        for (Map.Entry<String, String> entry : addresses.entrySet()) {
            if (suppressed.contains(entry.getKey())) {
                continue;
            }
            if (lists.status(entry.getKey(), newsletter.id()) != null) {
                listed++;
                continue;
            }
            long subscription = lists.addActive(entry.getValue(), entry.getKey(), newsletter.id(), now);
            lists.importedConsent(subscription, consentSource, policy.language().code(), policy.version(), now);
            added++;
        }
        return new ImportResult(added, listed, suppressed.size(), duplicates, List.of());
    }

    /** The subscribers as CSV, optionally of one newsletter (blank = all), with a header row. */
    @Transactional(readOnly = true)
    public String exportCsv(String newsletterCode) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of((Object[]) EXPORT_HEADER)));
        for (List<Object> row : lists.export(newsletterCode == null ? "" : newsletterCode)) {
            csv.append(Csv.row(row));
        }
        return csv.toString();
    }

    /** The column named like an address in a header row, or -1 when the row is no header. */
    private static int headerColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            if (name.equals("email") || name.equals("emailaddress") || name.equals("address") || name.equals("почта")) {
                return i;
            }
        }
        return -1;
    }
}
