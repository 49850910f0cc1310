package org.samizdat.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Public addresses map to mirror files and back, and links between files are relative. */
class SitePathsTest {

    @Test
    void pagesBecomeFolderIndexesAndListingPagesNumberedFiles() {
        assertThat(SitePaths.file("/", null)).isEqualTo("index.html");
        assertThat(SitePaths.file("/en", null)).isEqualTo("en/index.html");
        assertThat(SitePaths.file("/en/stories/a-story", null)).isEqualTo("en/stories/a-story/index.html");
        assertThat(SitePaths.file("/ru/sections/world", "page=3")).isEqualTo("ru/sections/world/page-3.html");
        assertThat(SitePaths.file("/en/tags/x/feed.json", null)).isEqualTo("en/tags/x/feed.json");
        assertThat(SitePaths.file("/media/12/w640.jpg", null)).isEqualTo("media/12/w640.jpg");
        assertThat(SitePaths.file("/mirrors.json.sig", null)).isEqualTo("mirrors.json.sig");
        for (String file : new String[] {"index.html", "en/index.html", "ru/sections/world/page-3.html",
                "en/tags/x/feed.json", "media/12/w640.jpg"}) {
            String address = SitePaths.address(file);
            int q = address.indexOf('?');
            assertThat(SitePaths.file(q < 0 ? address : address.substring(0, q), q < 0 ? null : address.substring(q + 1)))
                    .isEqualTo(file);
        }
    }

    @Test
    void whatAStaticCopyCannotServeHasNoFile() {
        assertThat(SitePaths.file("/newsroom", null)).isNull();
        assertThat(SitePaths.file("/en/newsletter", null)).isNull();
        assertThat(SitePaths.file("/en/search", "q=x")).isNull();
        assertThat(SitePaths.file("/en/stories/../../etc", null)).isNull();
        assertThat(SitePaths.file("/en/sections/world", "page=2&x=1")).isNull();
    }

    @Test
    void linksAreRelativeToTheLinkingFile() {
        assertThat(SitePaths.relative("en/stories/a/index.html", "en/sections/world/index.html"))
                .isEqualTo("../../sections/world/index.html");
        assertThat(SitePaths.relative("index.html", "en/index.html")).isEqualTo("en/index.html");
        assertThat(SitePaths.relative("en/index.html", "assets/site.css")).isEqualTo("../assets/site.css");
        assertThat(SitePaths.relative("en/sections/w/index.html", "en/sections/w/page-2.html")).isEqualTo("page-2.html");
    }
}
