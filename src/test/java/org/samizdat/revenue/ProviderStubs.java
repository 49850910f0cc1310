package org.samizdat.revenue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One WireMock server on 127.0.0.1 standing in for both the Stripe API and a BTCPay Server, shared by every
 * {@link PaymentsAppTest} context; the application is pointed at it and given test secrets.
 */
public class ProviderStubs implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String STRIPE_KEY = "sk_test_51Samizdat";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_test_samizdat";
    public static final String BTCPAY_STORE = "7Jh2xQ4mV9kP1sT8";
    public static final String BTCPAY_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    public static final String BTCPAY_WEBHOOK_SECRET = "btcpay-hook-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                    .dynamicPort());
            wm.start();
            server = wm;
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + server().port();
    }

    /** A fixture from src/test/resources with every {@code ${name}} replaced. */
    public static String fixture(String path, Map<String, ?> values) {
        String text;
        try (InputStream in = ProviderStubs.class.getResourceAsStream("/revenue/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, ?> e : values.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", String.valueOf(e.getValue()));
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException("Unfilled placeholder in " + path + ": "
                    + text.substring(text.indexOf("${"), Math.min(text.length(), text.indexOf("${") + 30)));
        }
        return text;
    }

    /** Posts a webhook body to our endpoint over real HTTP, with the headers given as name, value pairs. */
    public static HttpResponse<String> deliver(int port, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> props = new HashMap<>();
        props.put("samizdat.stripe.secret-key", STRIPE_KEY);
        props.put("samizdat.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET);
        props.put("samizdat.stripe.api-base", baseUrl());
        props.put("samizdat.btcpay.url", baseUrl());
        props.put("samizdat.btcpay.store-id", BTCPAY_STORE);
        props.put("samizdat.btcpay.api-key", BTCPAY_KEY);
        props.put("samizdat.btcpay.webhook-secret", BTCPAY_WEBHOOK_SECRET);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("providerStubs", props));
    }
}
