package org.samizdat.revenue.asks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samizdat.shared.Language;
import org.samizdat.support.Browser;
import org.samizdat.support.MailAppTest;
import org.samizdat.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader's whole journey in headless Chromium: banner, dialog, Monthly, an amount, Continue, the test checkout,
 * the thank-you page, the receipt by mail, and on the next page a thank-you where the asks were.
 */
@MailAppTest
class AskJourneyBrowserTest extends AsksOnPages {

    @Test
    void bannerToDialogToMonthlyGiftToReceiptAndThenThanksInsteadOfAsks() throws Exception {
        counters.clearLimits();
        long modal = live().everyKind(Language.EN, "journey");
        String origin = "http://127.0.0.1:" + port;
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        try (Browser browser = Browser.start()) {
            browser.watchForCspViolations();
            ChromeDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get(origin + "/en");
            WebElement support = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ask-banner .ask-go")));
            support.click();
            WebElement dialog = driver.findElement(By.cssSelector("dialog.ask-modal[open]"));
            wait.until(d -> "1".equals(dialog.getCssValue("opacity"))); // it fades in; hidden text reads as ""
            dialog.findElement(By.cssSelector("input[name=frequency][value=monthly]")).click();
            List<WebElement> presets = dialog.findElements(By.cssSelector("[data-amount]")).stream()
                    .filter(WebElement::isDisplayed).toList();
            presets.stream().filter(b -> b.getText().equals("10 USD")).findFirst().orElseThrow().click();
            dialog.findElement(By.cssSelector("input[name=email]")).sendKeys(email);
            dialog.findElement(By.cssSelector("button.ask-continue")).click();

            wait.until(ExpectedConditions.urlContains("/support/test-checkout/"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("$10").contains("Monthly");
            assertThat(driver.findElements(By.cssSelector(".ask-banner, .ask-notice"))).as("no asks while paying").isEmpty();
            driver.findElement(By.cssSelector("button[name=outcome][value=pay]")).click();
            wait.until(ExpectedConditions.urlContains("/support/thanks/"));
            assertThat(driver.findElement(By.cssSelector("[data-donated]")).getAttribute("data-donated"))
                    .isEqualTo("monthly");

            MimeMessage receipt = TestMailServer.await(email, 1).get(0);
            assertThat(receipt.getSubject()).contains("receipt");

            driver.get(origin + "/en");
            WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ask-thanks")));
            assertThat(thanks.getText()).contains("Thank you");
            assertThat(driver.findElements(By.cssSelector(".ask-banner:not(.ask-thanks), .ask-notice, dialog.ask-modal")))
                    .isEmpty();
            assertThat(browser.violations()).isEmpty();
            assertThat(driver.manage().getCookies()).isEmpty();
        }
        assertThat(hits(modal, "continued")).isEqualTo(1);
        assertThat(hits(modal, "completed")).isEqualTo(1);
        assertThat(jdbc.sql("select ask from revenue_donation where ask = ?").param(String.valueOf(modal))
                .query(String.class).list()).hasSize(1);
    }
}
