package org.samizdat.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DKIM signing ({@code samizdat.mail.dkim.*}): the signing domain, the selector under which the public key is
 * published in DNS ({@code <selector>._domainkey.<domain>}) and the PKCS#8 PEM file of the RSA private key.
 * Signing is off while the key file is blank.
 */
@ConfigurationProperties("samizdat.mail.dkim")
record DkimProperties(String domain, String selector, String keyFile) {

    DkimProperties {
        domain = domain == null ? "" : domain.trim();
        selector = selector == null ? "" : selector.trim();
        keyFile = keyFile == null ? "" : keyFile.trim();
    }

    boolean enabled() {
        return !keyFile.isEmpty();
    }
}
