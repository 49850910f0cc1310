package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.content.internal.StoryDraft;
import org.samizdat.content.internal.StoryWorkflow;
import org.samizdat.shared.Language;
import org.samizdat.staff.Role;
import org.samizdat.staff.StaffMember;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.springframework.beans.factory.annotation.Autowired;

/** The display rules in a real browser: decided by the script from what this browser stored, nothing else. */
@AppTest
class AskDisplayBrowserTest extends AsksOnPages {

    static Browser browser;

    @Autowired
    StoryWorkflow workflow;

    String origin;
    ChromeDriver driver;

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

    @BeforeEach
    void freshReader() {
        counters.clearLimits();
        live().everyKind(Language.EN, "browser");
        origin = "http://127.0.0.1:" + port;
        driver = browser.driver();
        driver.get(origin + "/robots.txt");
        driver.executeScript("localStorage.clear()");
    }

    void view(String path) {
        driver.get(origin + path);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                driver.executeScript("return document.readyState === 'complete'")));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean modalOpen() {
        return !all("dialog.ask-modal[open]").isEmpty();
    }

    @Test
    void theDialogNeverOpensOnAFirstViewButDoesOnTheSecond() {
        view("/en");
        assertThat(all(".ask-banner")).singleElement().satisfies(b -> assertThat(b.isDisplayed()).isTrue());
        assertThat(all(".ask-notice")).singleElement().satisfies(n -> assertThat(n.getText()).contains("Banned at home browser"));
        assertThat(all("noscript .ask-banner")).isEmpty();
        assertThat(modalOpen()).isFalse();

        view("/en");
        assertThat(modalOpen()).isTrue();
        WebElement dialog = driver.findElement(By.cssSelector("dialog.ask-modal[open]"));
        // It fades in over 0.2 s, and WebDriver reads no text from an element it cannot see yet.
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> "1".equals(dialog.getCssValue("opacity")));
        String title = driver.findElement(By.id(dialog.getAttribute("aria-labelledby"))).getText();
        assertThat(title).startsWith("A message from");
        assertThat(dialog.getText()).contains("Dear reader browser", "Not ready to support today?", "Remind me later");
        assertThat(org.samizdat.support.Axe.violations(driver)).as("axe-core with the banner, notice and dialog open").isEmpty();

        view("/en");
        assertThat(modalOpen()).as("at most once per few days").isFalse();
        assertThat(browser.violations()).isEmpty();
        assertThat(driver.manage().getCookies()).isEmpty();
    }

    @Test
    void theCrossHidesTheBannerAcrossReloads() {
        view("/en");
        driver.findElement(By.cssSelector(".ask-banner [data-ask-dismiss]")).click();
        assertThat(all(".ask-banner")).isEmpty();
        view("/en");
        assertThat(all(".ask-banner")).isEmpty();
        assertThat(all(".ask-notice")).hasSize(1);
    }

    @Test
    void remindMeLaterHidesEveryAskOnReload() {
        StaffMember editor = new StaffMember(1, "editor", "Editor", Role.EDITOR);
        long story = workflow.save(new StoryDraft(null, Language.EN, null, "Reminded reader story", "Standfirst", "Body",
                null, null, null, null, List.of(), List.of(), null, null, null, null, null, null, null, null, false), editor);
        workflow.publish(story, editor);
        view("/en/stories/reminded-reader-story");
        assertThat(all(".ask-story")).hasSize(1);
        view("/en");
        assertThat(modalOpen()).isTrue();
        driver.findElement(By.cssSelector("dialog.ask-modal[open] [data-ask-later]")).click();
        assertThat(modalOpen()).isFalse();
        assertThat(all(".ask-banner, .ask-notice")).isEmpty();

        view("/en");
        assertThat(all(".ask-banner, .ask-notice, .ask-story, dialog.ask-modal")).isEmpty();
        view("/en/stories/reminded-reader-story");
        assertThat(all(".ask-banner, .ask-notice, .ask-story, dialog.ask-modal")).isEmpty();
    }

    @Test
    void escapeClosesTheDialogAndFocusReturnsToItsOpener() {
        view("/en");
        WebElement support = driver.findElement(By.cssSelector(".ask-banner .ask-go"));
        assertThat(support.getAttribute("href")).endsWith("/en/support");
        support.click();
        assertThat(modalOpen()).isTrue();
        assertThat((Boolean) driver.executeScript(
                "return document.querySelector('dialog.ask-modal').contains(document.activeElement)")).isTrue();

        driver.findElement(By.cssSelector("dialog input[value=monthly]")).click();
        List<WebElement> shown = all("dialog [data-amount]").stream().filter(WebElement::isDisplayed).toList();
        assertThat(shown).extracting(b -> b.getAttribute("data-frequency")).containsOnly("monthly");
        assertThat(shown).extracting(WebElement::getText).containsExactly("5 USD", "10 USD", "20 USD");
        shown.get(1).click();
        assertThat(driver.findElement(By.cssSelector("dialog input[name=amount]")).getAttribute("value")).isEqualTo("10");
        assertThat(shown.get(1).getAttribute("aria-pressed")).isEqualTo("true");

        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertThat(modalOpen()).isFalse();
        assertThat((Boolean) driver.executeScript(
                "return document.activeElement === document.querySelector('.ask-banner .ask-go')")).isTrue();
        assertThat(browser.violations()).isEmpty();
    }
}
