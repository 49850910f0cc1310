package org.samizdat.mail;

import java.net.InetAddress;
import java.util.Properties;

/**
 * How to reach the SMTP relay for bulk sending: Spring Boot's {@code spring.mail.*} host, port and credentials,
 * and the Jakarta Mail session properties it passes on ({@code mail.smtp.auth}, {@code starttls.enable},
 * {@code starttls.required}, {@code ssl.enable}, {@code localhost} and the three timeouts, in milliseconds).
 */
record RelaySettings(String host, int port, String user, String password, boolean tls, boolean startTls,
        boolean startTlsRequired, String heloName, int connectTimeout, int readTimeout, int writeTimeout) {

    static RelaySettings of(String host, int port, String user, String password, Properties session) {
        boolean implicit = flag(session, "mail.smtp.ssl.enable");
        boolean auth = flag(session, "mail.smtp.auth");
        String login = auth && user != null && !user.isBlank() ? user : null;
        return new RelaySettings(host, port > 0 ? port : implicit ? 465 : 25, login, login == null ? null : password,
                implicit, flag(session, "mail.smtp.starttls.enable"), flag(session, "mail.smtp.starttls.required"),
                heloName(session.getProperty("mail.smtp.localhost")), millis(session, "mail.smtp.connectiontimeout"),
                millis(session, "mail.smtp.timeout"), millis(session, "mail.smtp.writetimeout"));
    }

    private static boolean flag(Properties session, String name) {
        Object value = session.get(name);
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static int millis(Properties session, String name) {
        Object value = session.get(name);
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String heloName(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9.-]{1,253}") ? name : "localhost";
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
