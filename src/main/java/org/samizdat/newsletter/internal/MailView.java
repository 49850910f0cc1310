package org.samizdat.newsletter.internal;

/**
 * What a short service mail says (confirmation, welcome): one heading, one paragraph, one button, a footer,
 * and the unsubscribe line when the reader is on a list. Rendered to HTML by jte and to text by {@link #text()}.
 */
public record MailView(String lang, String siteName, String heading, String body, String buttonLabel,
        String buttonUrl, String footer, String unsubscribeLabel, String unsubscribeUrl) {

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(heading).append("\n\n").append(body).append("\n\n")
                .append(buttonLabel).append(":\n").append(buttonUrl).append("\n\n-- \n").append(footer).append('\n');
        if (unsubscribeUrl != null) {
            out.append(unsubscribeLabel).append(": ").append(unsubscribeUrl).append('\n');
        }
        return out.toString();
    }
}
