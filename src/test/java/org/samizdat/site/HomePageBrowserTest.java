package org.samizdat.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.samizdat.content.internal.CatalogRepository;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A reader's browser on the home page and a story: it shows the story and asks nothing of other origins. */
@AppTest
class HomePageBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    CatalogRepository catalog;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        browser.watchForCspViolations();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void homeAndStoryRenderWithOnlySameOriginRequestsAndNoCspViolation() {
        Newsroom newsroom = new Newsroom(workflow, catalog);
        newsroom.publish("Reader opens the story in a browser", newsroom.section("browser-news"), "Browsers",
                newsroom.author("browser-writer"));
        String origin = "http://127.0.0.1:" + port;

        browser.driver().get(origin + "/en");
        WebElement link = browser.driver().findElement(By.linkText("Reader opens the story in a browser"));
        assertThat(link.isDisplayed()).isTrue();
        assertSameOriginAndClean(origin);

        link.click();
        WebElement headline = browser.driver().findElement(By.tagName("h1"));
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(origin + "/en/stories/reader-opens-the-story-in-a-browser");
        assertThat(headline.isDisplayed()).isTrue();
        assertThat(headline.getText()).isEqualTo("Reader opens the story in a browser");
        assertThat(browser.driver().findElements(By.cssSelector("script[type='application/ld+json']"))).hasSize(1);
        assertSameOriginAndClean(origin);
        assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
    }

    private void assertSameOriginAndClean(String origin) {
        List<String> resources = browser.resourcesLoaded();
        assertThat(resources).isNotEmpty().allMatch(url -> url.startsWith(origin + "/"));
        assertThat(browser.violations()).isEmpty();
    }
}
