package org.samizdat.newsletter.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reader-typed addresses made safe and comparable: trimmed, at most 254 characters, one plain
 * {@code local@domain} with no spaces, quotes, control characters or line breaks, the domain converted to
 * ASCII (IDN) and the whole address lower-cased. {@code +tags} are kept: they are the reader's choice.
 */
final class EmailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private EmailAddresses() {
    }

    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 320) {
            return Optional.empty();
        }
        String value = typed.strip();
        int at = value.lastIndexOf('@');
        if (at <= 0 || at != value.indexOf('@') || at == value.length() - 1) {
            return Optional.empty();
        }
        String local = value.substring(0, at);
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        String domain;
        try {
            domain = IDN.toASCII(value.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        String address = local.toLowerCase(Locale.ROOT) + "@" + domain;
        if (address.length() > 254) {
            return Optional.empty();
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(address);
    }
}
