package org.samizdat.newsletter.internal;

import java.util.List;

/**
 * An edition as one recipient gets it: absolute links (mail has no host to be relative to), the preheader shown
 * by inboxes, the footer with the unsubscribe link. Rendered to HTML by jte and to text by {@link #text()}.
 */
public record EditionView(String lang, String siteName, String subject, String preheader, String intro,
        List<Story> stories, String readLabel, String footer, String unsubscribeLabel, String unsubscribeUrl) {

    /** One story: headline, standfirst and its absolute address. */
    public record Story(String headline, String standfirst, String url) {
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(siteName).append("\n\n").append(subject).append("\n\n");
        if (!intro.isBlank()) {
            out.append(intro).append("\n\n");
        }
        for (Story story : stories) {
            out.append("* ").append(story.headline()).append('\n');
            if (!story.standfirst().isBlank()) {
                out.append("  ").append(story.standfirst()).append('\n');
            }
            out.append("  ").append(story.url()).append("\n\n");
        }
        out.append("-- \n").append(footer).append('\n').append(unsubscribeLabel).append(": ").append(unsubscribeUrl)
                .append('\n');
        return out.toString();
    }
}
