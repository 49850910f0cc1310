package org.samizdat.content;

import org.samizdat.content.internal.BodyRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown to sanitised HTML for any module that stores text written in the newsroom (policies,
 * newsletter intros): the same allowlist as story bodies, so there is one definition of "safe".
 */
@Component
public class SafeMarkdown {

    private final BodyRenderer renderer;

    SafeMarkdown(BodyRenderer renderer) {
        this.renderer = renderer;
    }

    public String toHtml(String markdown) {
        return renderer.render(markdown);
    }
}
