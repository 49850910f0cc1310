package org.samizdat.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (from its WebJar on the test classpath, never fetched at run time) on the page a browser has
 * open. The script is injected through WebDriver, so the page's own Content Security Policy does not stop it.
 * Every rule axe knows runs except the WCAG AAA ones (the target is AA), experimental rules included. Running
 * animations are let finish first.
 */
public final class Axe {

    private static final String SCRIPT = load("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            const rules = {};
            axe.getRules().forEach(r => rules[r.ruleId] = {enabled: !r.tags.includes('wcag2aaa')});
            // Judge the page as it settles, not half way through an entrance animation (a fading dialog's text
            // is briefly lighter than its colour).
            Promise.all(document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
                .map(a => a.finished.catch(() => null)))
              .then(() => axe.run(document, {rules: rules, resultTypes: ['violations']}))
              .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' <' + v.helpUrl + '>\\n'
                  + v.nodes.map(n => '    ' + n.target.join(' ') + ' ' + n.failureSummary.replace(/\\s+/g, ' ')).join('\\n'))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private Axe() {
    }

    /** The violations on the current page, each with its rule, impact, help text and the failing selectors. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(SCRIPT);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return (List<String>) js.executeAsyncScript(RUN);
    }

    private static String load(String resource) {
        try (InputStream in = Axe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
