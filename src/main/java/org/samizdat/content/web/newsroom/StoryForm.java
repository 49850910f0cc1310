package org.samizdat.content.web.newsroom;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.shared.Language;
import org.samizdat.shared.Slugs;
import org.samizdat.shared.web.Texts;
import org.samizdat.staff.FieldErrors;

/**
 * The story editor's fields exactly as typed, so a form with a mistake comes back with nothing lost.
 * Numbers and dates stay text until {@link #check} has accepted them.
 */
public record StoryForm(String headline, String slug, String standfirst, String body, String leadMediaId,
        String caption, String credit, String sectionId, String tags, List<String> authorIds, String language,
        String translationId, String seoTitle, String seoDescription, String featured, String publishAt) {

    static final int MAX_TAGS = 20;

    public StoryForm {
        authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
    }

    static StoryForm blank(Language language) {
        return new StoryForm("", "", "", "", "", "", "", "", "", List.of(), language.code(), "", "", "", null, "");
    }

    static StoryForm of(StoryDraft d, ZoneId zone) {
        return new StoryForm(d.headline(), d.slug(), d.standfirst(), d.bodyMarkdown(), text(d.leadMediaId()),
                d.leadCaption(), d.leadCredit(), text(d.sectionId()), String.join(", ", d.tags()),
                d.authorIds().stream().map(String::valueOf).toList(), d.language().code(), text(d.translationId()),
                d.seoTitle(), d.seoDescription(), d.featured() ? "on" : null,
                d.publishAt() == null ? "" : LocalDateTime.ofInstant(d.publishAt(), zone).truncatedTo(ChronoUnit.MINUTES).toString());
    }

    StoryForm withLeadMedia(Long mediaId) {
        return new StoryForm(headline, slug, standfirst, body, text(mediaId), caption, credit, sectionId, tags,
                authorIds, language, translationId, seoTitle, seoDescription, featured, publishAt);
    }

    /** Checks every field; numbers that do not parse and unknown choices count as mistakes too. */
    FieldErrors check(Texts t) {
        FieldErrors errors = new FieldErrors(t)
                .required("headline", headline).maxLength("headline", headline, 200)
                .maxLength("standfirst", standfirst, 600)
                .maxLength("body", body, 200_000)
                .maxLength("caption", caption, 300)
                .maxLength("credit", credit, 120)
                .maxLength("seoTitle", seoTitle, 200)
                .maxLength("seoDescription", seoDescription, 300);
        if (!blank(slug) && !Slugs.isValid(slug.strip())) {
            errors.add("slug", "newsroom.story.slugFormat");
        }
        List<String> tagList = tagList();
        if (tagList.size() > MAX_TAGS) {
            errors.add("tags", "newsroom.story.tooManyTags", MAX_TAGS, tagList.size());
        }
        tagList.stream().filter(tag -> tag.length() > 80).findFirst()
                .ifPresent(tag -> errors.add("tags", "newsroom.story.tagTooLong", 80, tag));
        if (Language.fromCode(language).isEmpty()) {
            errors.add("language", "newsroom.error.choose");
        }
        checkId(errors, "sectionId", sectionId);
        checkId(errors, "translationId", translationId);
        checkId(errors, "leadMediaId", leadMediaId);
        authorIds.forEach(a -> checkId(errors, "authorIds", a));
        return errors;
    }

    /** The scheduled time typed in the newsroom's time zone, or null (with a message) when unusable. */
    Instant scheduledFor(ZoneId zone, Instant now, FieldErrors errors) {
        if (blank(publishAt)) {
            errors.add("publishAt", "newsroom.error.required");
            return null;
        }
        try {
            Instant at = LocalDateTime.parse(publishAt.strip()).atZone(zone).toInstant();
            if (!at.isAfter(now)) {
                errors.add("publishAt", "newsroom.story.scheduleInPast");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add("publishAt", "newsroom.story.badDate");
            return null;
        }
    }

    /** Only call after {@link #check} found nothing. */
    StoryDraft toDraft(Long id) {
        return new StoryDraft(id, Language.of(language), blank(slug) ? null : slug.strip(), headline.strip(),
                orEmpty(standfirst).strip(), orEmpty(body), number(leadMediaId), nullIfBlank(caption),
                nullIfBlank(credit), number(sectionId), tagList(), authorIds.stream().map(this::number).toList(),
                number(translationId), null, null, null, null, null, nullIfBlank(seoTitle), nullIfBlank(seoDescription),
                isFeatured());
    }

    public boolean isFeatured() {
        return featured != null && !featured.isBlank() && !featured.equals("false");
    }

    public boolean hasAuthor(long id) {
        return authorIds.contains(String.valueOf(id));
    }

    public boolean is(String value, Object choice) {
        return value != null && value.equals(String.valueOf(choice));
    }

    List<String> tagList() {
        if (blank(tags)) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        Arrays.stream(tags.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> list.stream().noneMatch(s::equalsIgnoreCase)).forEach(list::add);
        return list;
    }

    Long number(String text) {
        return blank(text) ? null : Long.valueOf(text.strip());
    }

    private static void checkId(FieldErrors errors, String field, String value) {
        if (!blank(value) && !value.strip().matches("[0-9]{1,18}")) {
            errors.add(field, "newsroom.error.choose");
        }
    }

    private static String text(Long id) {
        return id == null ? "" : id.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String nullIfBlank(String s) {
        return blank(s) ? null : s.strip();
    }
}
