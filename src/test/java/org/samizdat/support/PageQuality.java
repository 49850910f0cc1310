package org.samizdat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The checks every page must pass in a real browser: no axe-core violations (light and dark colour scheme), the
 * right {@code lang}, a skip link to the main content first in the tab order, a visible focus on everything the
 * keyboard reaches, no horizontal scrolling at 320 and 640 CSS px (a 1280 px screen at 400% and 200% zoom), and
 * no request to another origin. {@link #check} returns every problem found, so one run shows them all.
 */
public final class PageQuality {

    private static final int TAB_STOPS = 14;
    private static final String FOCUS_STYLE = """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const look = () => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' '
                + s.outlineColor + ' ' + s.boxShadow; };
            const focused = look();
            const visible = e.matches(':focus-visible');
            e.blur();
            const plain = look();
            e.focus();
            const name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
                + (e.textContent || e.name || '').trim().slice(0, 30) + '"';
            return [name, visible && focused !== plain ? 'ok' : 'no visible focus ring'];
            """;
    private static final String SKIP_LINK = """
            const e = document.activeElement;
            if (!e || e.tagName !== 'A' || !e.getAttribute('href').startsWith('#')) return 'first tab stop is not a skip link';
            const target = document.getElementById(e.getAttribute('href').slice(1));
            if (!target || !target.closest('main')) return 'skip link does not lead into <main>';
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.left >= 0 && box.top >= 0 ? null : 'skip link is not visible when focused';
            """;
    private static final String OVERFLOW = """
            const w = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= w) return null;
            return [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > w + 1)
              .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                + ' right=' + Math.round(e.getBoundingClientRect().right)).join(', ')
              + ' (page ' + document.documentElement.scrollWidth + ' px wide in ' + w + ')';
            """;

    private final Browser browser;
    private final String origin;

    public PageQuality(Browser browser, String origin) {
        this.browser = browser;
        this.origin = origin;
    }

    /** Opens {@code path} and returns what is wrong with it; empty when it passes every check. */
    public List<String> check(String path, String lang) {
        viewport(1280, 900);
        colourScheme("light");
        browser.driver().get(origin + path);
        return recheck(lang);
    }

    /** Checks the page the browser has open now (say, the answer to a form), in language {@code lang}. */
    public List<String> recheck(String lang) {
        List<String> problems = new ArrayList<>();
        ChromeDriver driver = browser.driver();
        Axe.violations(driver).forEach(v -> problems.add("axe: " + v));
        Object htmlLang = driver.executeScript("return document.documentElement.lang;");
        if (!lang.equals(htmlLang)) {
            problems.add("<html lang> is '" + htmlLang + "', expected '" + lang + "'");
        }
        problems.addAll(keyboard(driver));
        problems.addAll(otherOrigins());
        colourScheme("dark");
        Axe.violations(driver).forEach(v -> problems.add("axe, dark scheme: " + v));
        colourScheme("light");
        for (int width : new int[] {320, 640}) {
            viewport(width, 800);
            Object overflow = driver.executeScript(OVERFLOW);
            if (overflow != null) {
                problems.add("horizontal scrolling at " + width + " px: " + overflow);
            }
        }
        viewport(1280, 900);
        return problems;
    }

    private List<String> keyboard(ChromeDriver driver) {
        List<String> problems = new ArrayList<>();
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        Object skip = driver.executeScript(SKIP_LINK);
        if (skip != null) {
            problems.add(skip.toString());
        }
        for (int i = 0; i < TAB_STOPS; i++) {
            @SuppressWarnings("unchecked")
            List<String> focus = (List<String>) driver.executeScript(FOCUS_STYLE);
            if (focus == null) {
                break;
            }
            if (!"ok".equals(focus.get(1))) {
                problems.add(focus.get(1) + " on " + focus.get(0));
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        return problems;
    }

    private List<String> otherOrigins() {
        List<String> problems = new ArrayList<>();
        String page = browser.driver().getCurrentUrl();
        if (!page.startsWith(origin + "/")) {
            problems.add("the page itself came from another origin: " + page);
        }
        browser.resourcesLoaded().stream().filter(url -> !url.startsWith(origin + "/"))
                .forEach(url -> problems.add("request to another origin: " + url));
        browser.violations().forEach(v -> problems.add("CSP violation: " + v));
        return problems;
    }

    private void viewport(int width, int height) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private void colourScheme(String scheme) {
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }
}
