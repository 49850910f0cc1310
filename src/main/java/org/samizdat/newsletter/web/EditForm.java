package org.samizdat.newsletter.web;

import java.util.List;
import org.samizdat.newsletter.internal.Edition;

/**
 * The edition edit form as typed (or as saved), with the stories it lists and the version of the edition it started
 * from; public only so the precompiled template can take it.
 */
public record EditForm(String version, String subject, String preheader, String intro, List<Edition.Item> items) {
}
