package org.samizdat.distribution.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;

/**
 * Which build rendered an export: the application's version and the build time of the page templates. An
 * incremental export by another build reads every page again, since any template may have changed.
 */
final class ExportVersion {

    private static final String[] TEMPLATES = {"site/JtelayoutGenerated", "content/JtestoryGenerated",
            "content/JtelistingGenerated", "content/JtecardsGenerated"};

    private ExportVersion() {
    }

    static String current() {
        StringBuilder version = new StringBuilder(String.valueOf(ExportVersion.class.getPackage().getImplementationVersion()));
        for (String template : TEMPLATES) {
            URL url = ExportVersion.class.getResource("/gg/jte/generated/precompiled/" + template + ".class");
            long modified = 0;
            if (url != null) {
                try {
                    URLConnection connection = url.openConnection();
                    connection.setUseCaches(false);
                    modified = connection.getLastModified();
                } catch (IOException e) {
                    modified = -1;
                }
            }
            version.append('-').append(modified);
        }
        return version.toString();
    }
}
