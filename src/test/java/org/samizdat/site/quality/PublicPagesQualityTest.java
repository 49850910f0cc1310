package org.samizdat.site.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.samizdat.support.AppTest;
import org.samizdat.support.Browser;
import org.samizdat.support.PageQuality;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every public page type, in English and Russian, on the demo newsroom, through {@link PageQuality}: axe-core,
 * keyboard, reflow, language and same-origin checks. A new page type is one more line in {@link #PAGES}.
 */
@AppTest
@TestPropertySource(properties = "samizdat.demo-content=true")
class PublicPagesQualityTest {

    static final List<String> PAGES = List.of(
            "/en", "/ru",
            "/en/sections/politics", "/ru/sections/politics",
            "/en/tags/parliament", "/ru/tags/parlament",
            "/en/authors/anna-beletskaya", "/ru/authors/anna-beletskaya",
            "/en/stories/parliament-votes-to-extend-the-chairman-s-term-without-an-election",
            "/ru/stories/parlament-prodlil-srok-predsedatelya-bez-vyborov",
            "/en/search?q=parliament", "/ru/search?q=%D0%BF%D0%B0%D1%80%D0%BB%D0%B0%D0%BC%D0%B5%D0%BD%D1%82",
            "/en/search?q=nothing-matches-this", "/ru/search",
            "/en/newsletter", "/ru/newsletter",
            "/en/newsletter/archive", "/ru/newsletter/archive",
            "/newsletter/confirm/not-a-token-we-sent",
            "/en/privacy", "/ru/privacy",
            "/en/support", "/ru/support",
            "/en/no-such-page", "/ru/no-such-page");

    static Browser browser;

    @LocalServerPort
    int port;

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

    static List<String> pages() {
        return PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void pagePassesEveryCheck(String path) {
        assertThat(quality().check(path, language(path))).as(path).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void newsletterSignUpAnswersAndItsErrorIsTiedToTheField(String lang) {
        PageQuality quality = quality();
        assertThat(quality.check("/" + lang + "/newsletter", lang)).isEmpty();
        WebElement email = browser.driver().findElement(By.id("nl-email-page"));
        browser.driver().executeScript("arguments[0].type = 'text'; arguments[0].required = false;", email);
        email.sendKeys("not an address");
        browser.toNextPage(email::submit);
        WebElement field = browser.driver().findElement(By.id("nl-email-page"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        WebElement error = browser.driver().findElement(By.id(field.getAttribute("aria-describedby")));
        assertThat(error.getText()).isNotBlank();
        assertThat(quality.recheck(lang)).isEmpty();

        browser.driver().findElement(By.id("nl-email-page")).sendKeys(lang + "-quality@example.org");
        browser.toNextPage(browser.driver().findElement(By.id("nl-email-page"))::submit);
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(quality.recheck(lang)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void supportFormErrorsAreTiedToTheirFields(String lang) {
        PageQuality quality = quality();
        assertThat(quality.check("/" + lang + "/support", lang)).isEmpty();
        WebElement email = browser.driver().findElement(By.id("email"));
        browser.driver().executeScript("arguments[0].type = 'text';", email);
        email.sendKeys("not an address");
        browser.driver().findElement(By.id("custom")).sendKeys("abc");
        browser.toNextPage(email::submit);

        List<WebElement> invalid = browser.driver().findElements(By.cssSelector("[aria-invalid=true]"));
        assertThat(invalid).extracting(e -> e.getAttribute("id")).contains("email", "custom");
        for (WebElement field : invalid) {
            String[] ids = field.getAttribute("aria-describedby").split(" ");
            WebElement error = browser.driver().findElement(By.id(ids[ids.length - 1]));
            assertThat(error.getAttribute("class")).as(field.getAttribute("id")).isEqualTo("field-error");
            assertThat(error.getText()).as(field.getAttribute("id")).isNotBlank();
        }
        for (WebElement error : browser.driver().findElements(By.cssSelector(".support-form .field-error"))) {
            assertThat(browser.driver().findElements(By.cssSelector("[aria-describedby~='" + error.getAttribute("id") + "']")))
                    .as("a field described by " + error.getText()).isNotEmpty();
        }
        assertThat(quality.recheck(lang)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/en/stories/parliament-votes-to-extend-the-chairman-s-term-without-an-election",
            "/ru/stories/parlament-prodlil-srok-predsedatelya-bez-vyborov"})
    void storyPrintsWithoutTheSiteChromeAndWithLinkAddresses(String path) {
        browser.driver().get("http://127.0.0.1:" + port + path);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            for (String chrome : List.of(".masthead nav", ".site-search", ".site-footer", ".read-more", "form")) {
                assertThat(browser.driver().findElements(By.cssSelector(chrome)))
                        .as(chrome).allMatch(e -> !e.isDisplayed());
            }
            assertThat(browser.driver().findElement(By.tagName("h1")).isDisplayed()).isTrue();
            Object after = browser.driver().executeScript("""
                    const a = document.createElement('a');
                    a.href = '/somewhere';
                    document.querySelector('.body').append(a);
                    return getComputedStyle(a, '::after').content;""");
            assertThat(after).asString().contains("(/somewhere)");
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private PageQuality quality() {
        return new PageQuality(browser, "http://127.0.0.1:" + port);
    }

    private static String language(String path) {
        return path.startsWith("/ru") ? "ru" : "en";
    }
}
