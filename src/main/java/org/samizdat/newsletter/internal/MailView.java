package org.samizdat.newsletter.internal;

/**
 * What a short service mail says (confirmation, welcome): one heading, one paragraph, one button, a footer,
 * the unsubscribe line when the reader is on a list and
 * the link to the reader's preference page. Rendered to HTML by jte and to text by {@link #text()}.
 */
public record MailView(String lang, String siteName, String heading, String body, String buttonLabel,
        String buttonUrl, String footer, String unsubscribeLabel, String unsubscribeUrl, String preferencesLabel,
        String preferencesUrl) {

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(heading).append("\n\n").append(body).append("\n\n")
                .append(buttonLabel).append(":\n").append(buttonUrl).append("\n\n-- \n").append(footer).append('\n');
        if (unsubscribeUrl != null) {
            out.append(unsubscribeLabel).append(": ").append(unsubscribeUrl).append('\n');
        }
        if (preferencesUrl != null) {
            out.append(preferencesLabel).append(": ").append(preferencesUrl).append('\n');
        }
        return out.toString();
    }
}
