package org.samizdat.revenue.btcpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BtcpaySignatureTest {

    private static final byte[] BODY = "{\"deliveryId\":\"d1\",\"type\":\"InvoiceSettled\"}".getBytes(StandardCharsets.UTF_8);

    private final BtcpaySignature signature = new BtcpaySignature("hook-secret");

    private static String header(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(new BtcpaySignature(secret).sign(body));
    }

    @Test
    void acceptsTheRealScheme() {
        assertThat(signature.valid(header("hook-secret", BODY), BODY)).isTrue();
        assertThat(signature.valid(header("hook-secret", BODY).toUpperCase().replace("SHA256=", "sha256="), BODY)).isTrue();
    }

    @Test
    void refusesTamperingWrongSecretAndMalformedHeaders() {
        byte[] tampered = "{\"deliveryId\":\"d1\",\"type\":\"InvoiceSettled\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.valid(header("hook-secret", BODY), tampered)).isFalse();
        assertThat(signature.valid(header("other", BODY), BODY)).isFalse();
        assertThat(signature.valid(null, BODY)).isFalse();
        assertThat(signature.valid("", BODY)).isFalse();
        assertThat(signature.valid(header("hook-secret", BODY).substring(7), BODY)).isFalse();
        assertThat(signature.valid("sha1=" + "ab".repeat(20), BODY)).isFalse();
        assertThat(signature.valid("sha256=xyz", BODY)).isFalse();
        assertThat(signature.valid(header("hook-secret", BODY) + "00", BODY)).isFalse();
    }
}
