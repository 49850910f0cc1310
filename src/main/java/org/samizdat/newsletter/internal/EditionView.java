package org.samizdat.newsletter.internal;

import java.util.List;

/**
 * An edition as one recipient gets it: absolute links (mail has no host to be relative to), the preheader shown
 * by inboxes, the footer with the unsubscribe and preference links and the newsroom's mirrors (the ways in when
 * the site is blocked). Rendered to HTML by jte and to text by {@link #text()}.
 */
public record EditionView(String lang, String siteName, String subject, String preheader, String intro,
        List<Story> stories, String readLabel, String footer, String unsubscribeLabel, String unsubscribeUrl,
        String preferencesLabel, String preferencesUrl, String mirrorsLabel, List<Link> mirrors) {

    /** One story: headline, standfirst and its absolute address. */
    public record Story(String headline, String standfirst, String url) {
    }

    /** A labelled absolute link. */
    public record Link(String label, String url) {
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
        if (!mirrors.isEmpty()) {
            out.append(mirrorsLabel).append('\n');
            mirrors.forEach(m -> out.append("  ").append(m.label()).append(m.label().equals(m.url()) ? "" : ": " + m.url())
                    .append('\n'));
            out.append('\n');
        }
        out.append("-- \n").append(footer).append('\n').append(unsubscribeLabel).append(": ").append(unsubscribeUrl)
                .append('\n').append(preferencesLabel).append(": ").append(preferencesUrl).append('\n');
        return out.toString();
    }
}
