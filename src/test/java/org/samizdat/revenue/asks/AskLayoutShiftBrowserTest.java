package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.revenue.internal.Settings;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The asks never move the page under a reader: on a phone-sized screen, the notice, banner, story ask and thank-you
 * are in place at the first frame, for a new reader, a returning one, one who dismissed the banner, one who asked to
 * be reminded later and a supporter. Measured as the browser does for Lighthouse: the sum of its layout-shift entries
 * (CLS), and the masthead's position at the first animation frame against after the asks script ran.
 */
@AppTest
class AskLayoutShiftBrowserTest extends AsksOnPages {

    /**
     * Runs before any page script: collects layout shifts and where the masthead was when first laid out. Every shift
     * counts, also those Chrome marks as after recent input: it marks the first half second after a navigation the
     * driver started that way, and the tests click nothing.
     */
    static final String PROBE = """
            window.__shifts = [];
            window.__record = entries => entries.forEach(e => window.__shifts.push(e.value));
            window.__observer = new PerformanceObserver(list => window.__record(list.getEntries()));
            window.__observer.observe({type: 'layout-shift', buffered: true});
            (function first() {
                var m = document.querySelector('.masthead');
                if (m && document.body) window.__firstTop = m.getBoundingClientRect().top;
                else requestAnimationFrame(first);
            })();
            """;

    static Browser browser;
    static boolean storyPublished;

    @Autowired
    StoryWorkflow workflow;

    @Autowired
    Settings settings;

    String origin;
    ChromeDriver driver;
    String story;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        browser.watchForCspViolations();
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        // Every load is a first visit's, as Lighthouse measures it, and no page kept from an earlier test's asks.
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 412, "height", 823,
                "deviceScaleFactor", 1.75, "mobile", true));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void asksOn() {
        counters.clearLimits();
        live().everyKind(Language.EN, "steady");
        live().add(AskKind.BANNER, Language.EN, "banner steady two", "A second banner",
                "A longer second banner that wraps onto more lines on a phone than the first one does, on purpose.");
        origin = "http://127.0.0.1:" + port;
        driver = browser.driver();
        story = "/en/stories/steady-page-story";
        driver.get(origin + "/robots.txt");
        driver.executeScript("localStorage.clear()");
        if (storyPublished) {
            return;
        }
        StaffMember editor = new StaffMember(1, "editor", "Editor", Role.EDITOR);
        long id = workflow.save(new StoryDraft(null, Language.EN, null, "Steady page story", "Standfirst",
                "Short body.", null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null,
                null, false), editor);
        workflow.publish(id, editor);
        storyPublished = true;
    }

    /** Loads a page, waits until the asks script has counted the view and two frames are drawn; returns the CLS. */
    double view(String path) {
        Object before = driver.executeScript("return (JSON.parse(localStorage.getItem('samizdat.asks')) || {}).views || 0");
        driver.get(origin + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && ((JSON.parse(localStorage.getItem('samizdat.asks'))"
                        + " || {}).views || 0) > arguments[0]", before)));
        driver.executeAsyncScript("var done = arguments[0];"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
        Number first = (Number) driver.executeScript("return window.__firstTop");
        Number last = (Number) driver.executeScript(
                "return document.querySelector('.masthead').getBoundingClientRect().top");
        assertThat(first).as("masthead laid out on %s", path).isNotNull();
        assertThat(last.doubleValue()).as("masthead on %s: first frame against after the asks script", path)
                .isEqualTo(first.doubleValue());
        return cls();
    }

    /** The sum of every layout shift since the page started loading. */
    double cls() {
        @SuppressWarnings("unchecked")
        List<Number> shifts = (List<Number>) driver.executeScript(
                "window.__record(window.__observer.takeRecords()); return window.__shifts");
        return shifts.stream().mapToDouble(Number::doubleValue).sum();
    }

    List<WebElement> shown(String css) {
        return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
    }

    void remember(String state) {
        driver.executeScript("localStorage.setItem('samizdat.asks', arguments[0])", state);
    }

    @Test
    void aNewReaderSeesNoticeAndBannerInPlaceFromTheFirstFrame() {
        assertThat(view("/en")).as("CLS on the home page, first view").isZero();
        assertThat(shown(".ask-notice")).hasSize(1);
        assertThat(shown(".ask-banner")).hasSize(1);
        String picked = (String) driver.executeScript(
                "return JSON.parse(localStorage.getItem('samizdat.asks')).pick.banner");
        assertThat(shown(".ask-banner").get(0).findElement(By.xpath("..")).getAttribute("class")).isEqualTo("asks-top");
        assertThat(driver.findElement(By.cssSelector("[data-ask-placed].ask-banner")).getAttribute("data-ask-placed"))
                .isEqualTo(picked);

        assertThat(view(story)).as("CLS on a story, second view, the dialog opening").isZero();
        assertThat(driver.findElements(By.cssSelector("dialog.ask-modal[open]"))).hasSize(1);
        assertThat(driver.findElement(By.cssSelector("[data-ask-placed].ask-banner")).getAttribute("data-ask-placed"))
                .as("the same banner variant on every page").isEqualTo(picked);
        assertThat(shown(".ask-story")).hasSize(1);
        assertThat(browser.violations()).as("the inline script is allowed by its hash").isEmpty();
    }

    @Test
    void theAsksAreInPlaceEvenWhenTheirScriptNeverArrives() {
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/assets/asks.js")));
        try {
            driver.get(origin + "/en");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    driver.executeScript("return document.readyState === 'complete'")));
            assertThat(driver.executeScript("return (JSON.parse(localStorage.getItem('samizdat.asks')) || {}).views"))
                    .as("asks.js did not run").isNull();
            assertThat(shown(".ask-notice")).hasSize(1);
            assertThat(shown(".ask-banner")).hasSize(1);
            assertThat((Number) driver.executeScript("return window.__firstTop")).as("masthead below them from the start")
                    .isEqualTo(driver.executeScript("return document.querySelector('.masthead').getBoundingClientRect().top"));
        } finally {
            driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
        }
    }

    /** The measurement can fail: a block put above the masthead after the page is drawn is a layout shift. */
    @Test
    void theProbeSeesABlockInsertedAboveTheMasthead() {
        remember("{\"views\":3,\"remindUntil\":" + (System.currentTimeMillis() + 86_400_000L) + "}");
        assertThat(view("/en")).isZero();
        driver.executeAsyncScript("var done = arguments[0], div = document.createElement('div');"
                + " div.style.height = '80px'; document.body.insertBefore(div, document.querySelector('.masthead'));"
                + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
        assertThat(cls()).isGreaterThan(0.05);
    }

    @Test
    void theBannerKeepsALineForTheMonthlyGoalWhileItLoads() {
        settings.save(Map.of("goal.amount", "1000", "goal.currency", "USD"));
        try {
            assertThat(view("/en")).isZero();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !shown(".ask-goal[data-ready]").isEmpty());
            driver.executeAsyncScript("var done = arguments[0];"
                    + " requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
            assertThat(shown(".ask-goal").get(0).getText()).contains("$1,000.00");
            assertThat(cls()).as("CLS once the goal's progress is filled in").isZero();
        } finally {
            settings.save(Map.of("goal.amount", ""));
        }
    }

    @Test
    void aReaderWhoClosedTheBannerSeesTheNoticeOnlyAndNothingMoves() {
        remember("{\"views\":3,\"modalAt\":" + System.currentTimeMillis() + ",\"bannerUntil\":"
                + (System.currentTimeMillis() + 86_400_000L) + "}");
        assertThat(view("/en")).isZero();
        assertThat(shown(".ask-notice")).hasSize(1);
        assertThat(shown(".ask-banner")).isEmpty();
        assertThat(view(story)).isZero();
        assertThat(shown(".ask-story")).hasSize(1);
    }

    @Test
    void aReaderRemindedLaterSeesNoAskAndNothingMoves() {
        remember("{\"views\":3,\"remindUntil\":" + (System.currentTimeMillis() + 86_400_000L) + "}");
        for (String path : List.of("/en", story)) {
            assertThat(view(path)).as(path).isZero();
            assertThat(driver.findElements(By.cssSelector(".ask-notice, .ask-banner, .ask-story, dialog[open]")))
                    .as(path).isEmpty();
        }
    }

    @Test
    void aSupporterSeesTheThankYouInPlaceFromTheFirstFrame() {
        remember("{\"views\":3,\"donated\":" + System.currentTimeMillis() + "}");
        for (String path : List.of("/en", story)) {
            assertThat(view(path)).as(path).isZero();
            assertThat(shown(".ask-thanks")).as(path).singleElement()
                    .satisfies(t -> assertThat(t.getText()).contains("Thank you"));
            assertThat(driver.findElements(By.cssSelector(".ask-notice, .ask-banner:not(.ask-thanks), .ask-story,"
                    + " dialog[open]"))).as(path).isEmpty();
        }
        assertThat(browser.violations()).isEmpty();
    }
}
