package org.samizdat.shared;

import java.text.Normalizer;
import java.util.Map;

/**
 * Turns headlines and names into URL slugs: lower-case ASCII words joined by hyphens.
 * Cyrillic is transliterated (a simplified ISO 9 / passport style) so Russian URLs stay readable.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 100;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"),
            Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"),
            Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"),
            Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"),
            Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""),
            Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
            Map.entry('я', "ya"), Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('є', "ye"),
            Map.entry('ґ', "g"), Map.entry('ў', "u"));

    private Slugs() {
    }

    /** A slug for the given text; "story" when nothing usable is left. */
    public static String of(String text) {
        if (text == null) {
            return "story";
        }
        StringBuilder out = new StringBuilder();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String t = CYRILLIC.get(c);
            out.append(t != null ? t : String.valueOf(c));
        }
        String ascii = Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('-');
            if (cut > MAX_LENGTH / 2) {
                slug = slug.substring(0, cut);
            }
        }
        return slug.isEmpty() ? "story" : slug;
    }

    /** True when the text is already a well-formed slug. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH + 20 && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
