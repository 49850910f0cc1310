package org.samizdat.newsletter.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checks Amazon SNS message signatures (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA, over
 * {@link SnsMessage#canonical()}) with the certificate named by {@code SigningCertURL}, fetched only when the URL
 * matches the allowed pattern (https on {@code sns.<region>.amazonaws.com} unless configured otherwise) and cached;
 * and confirms a topic subscription by fetching its {@code SubscribeURL} under the same rule.
 */
@Component
public class SnsVerifier {

    /** Why a message was refused, or {@code VALID}. */
    public enum Verdict { VALID, CERT_URL_REFUSED, CERT_UNAVAILABLE, BAD_VERSION, MISMATCH }

    private static final int MAX_CERT = 64 * 1024;
    private static final int MAX_CACHED = 32;

    private final BounceProperties properties;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();

    SnsVerifier(BounceProperties properties) {
        this.properties = properties;
    }

    public Verdict verify(SnsMessage message) {
        String algorithm = switch (message.signatureVersion()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return Verdict.BAD_VERSION;
        }
        if (!properties.snsUrlAllowed(message.signingCertUrl())) {
            return Verdict.CERT_URL_REFUSED;
        }
        X509Certificate certificate = certificate(message.signingCertUrl());
        if (certificate == null) {
            return Verdict.CERT_UNAVAILABLE;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(message.signature());
            Signature check = Signature.getInstance(algorithm);
            check.initVerify(certificate.getPublicKey());
            check.update(message.canonical());
            return check.verify(signature) ? Verdict.VALID : Verdict.MISMATCH;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Verdict.MISMATCH;
        }
    }

    /** Fetches the SubscribeURL of a verified confirmation when it is allowed; returns whether SNS answered 2xx. */
    public boolean confirm(SnsMessage message) {
        if (!properties.snsUrlAllowed(message.subscribeUrl())) {
            return false;
        }
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(message.subscribeUrl()))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private X509Certificate certificate(String url) {
        X509Certificate cached = certificates.get(url);
        if (cached != null) {
            return valid(cached) ? cached : null;
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] pem;
            try (InputStream in = response.body()) {
                pem = in.readNBytes(MAX_CERT + 1);
            }
            if (response.statusCode() != 200 || pem.length > MAX_CERT) {
                return null;
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
            if (!valid(certificate)) {
                return null;
            }
            if (certificates.size() >= MAX_CACHED) {
                certificates.clear();
            }
            certificates.put(url, certificate);
            return certificate;
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean valid(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
