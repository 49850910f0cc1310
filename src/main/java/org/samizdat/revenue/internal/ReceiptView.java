package org.samizdat.revenue.internal;

/** What a receipt mail shows; every text already in the donor's language. */
public record ReceiptView(String lang, String siteName, String heading, String body, String details, String descriptor,
        String manageLabel, String manageUrl, String footer) {

    /** The plain-text part. */
    public String text() {
        StringBuilder text = new StringBuilder(heading).append("\n\n").append(body).append("\n\n").append(details);
        if (!descriptor.isEmpty()) {
            text.append("\n").append(descriptor);
        }
        if (manageUrl != null) {
            text.append("\n\n").append(manageLabel).append(":\n").append(manageUrl);
        }
        return text.append("\n\n-- \n").append(footer).append("\n").toString();
    }
}
