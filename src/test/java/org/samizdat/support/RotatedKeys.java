package org.samizdat.support;

import org.samizdat.shared.privacy.PersonalData;

/** Personal-data keys before and after a rotation, for tests of resealing: k1 was current, now k2 is. */
public final class RotatedKeys {

    static final String K1 = "b2xkIGtleSBvbGQga2V5IG9sZCBrZXkgb2xkIGtleSE=";
    static final String K2 = "bmV3IGtleSBuZXcga2V5IG5ldyBrZXkgbmV3IGtleSE=";
    static final String LOOKUP = "bG9va3VwIGxvb2t1cCBsb29rdXAgbG9va3VwIGxvb2s=";

    /** The setting after the rotation; give it to the app as {@code samizdat.privacy.keys}. */
    public static final String AFTER = "k1=" + K1 + ";k2=" + K2 + ";current=k2;lookup=" + LOOKUP;

    private RotatedKeys() {
    }

    /** Data sealed as the app did before the rotation. */
    public static PersonalData before() {
        return PersonalData.withKeys("k1=" + K1 + ";lookup=" + LOOKUP);
    }
}
