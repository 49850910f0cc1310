package org.samizdat.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.samizdat.support.AppTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** What operators and their tools read: health probes for load balancers, metrics for Prometheus with a token. */
@AppTest
@TestPropertySource(properties = "samizdat.metrics.token=scrape-token-for-tests")
class OperatorEndpointsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void probesArePublicAndSayOnlyTheirStatus() throws Exception {
        for (String probe : new String[] {"/newsroom/actuator/health", "/newsroom/actuator/health/liveness",
                "/newsroom/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        }
    }

    @Test
    void prometheusScrapesWithTheTokenOnly() throws Exception {
        get("/en");
        get("/en");
        HttpResponse<String> scraped = get("/newsroom/actuator/prometheus", "Authorization", "Bearer scrape-token-for-tests");
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("cache_gets_total{cache=\"pages\"", "http_server_requests_seconds_count",
                "hikaricp_connections_active");
        assertThat(scraped.headers().allValues("Set-Cookie")).isEmpty();

        assertThat(get("/newsroom/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/newsroom/actuator/prometheus", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(get("/newsroom/actuator/prometheus", "Authorization", "Bearer scrape-token-for-tests-and-more").statusCode())
                .isEqualTo(401);
        assertThat(get("/newsroom/actuator/env", "Authorization", "Bearer scrape-token-for-tests").statusCode())
                .as("the token opens metrics and nothing else").isNotEqualTo(200);
    }
}
