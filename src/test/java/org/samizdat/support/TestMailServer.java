package org.samizdat.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One real in-process SMTP server (GreenMail) on 127.0.0.1 and a free port, shared by every {@link MailAppTest}
 * context; the application is pointed at it through {@code spring.mail.host/port}.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail server() {
        if (server == null) {
            GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            server = mail;
        }
        return server;
    }

    /** Messages received so far for one address (compared case-insensitively). */
    public static List<MimeMessage> to(String address) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server().getReceivedMessages()) {
            try {
                for (Address recipient : message.getAllRecipients()) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        found.add(message);
                    }
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits until at least {@code count} messages reached the address, and returns them. */
    public static List<MimeMessage> await(String address, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<MimeMessage> found = to(address);
        while (found.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            found = to(address);
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " messages, got " + found.size());
        }
        return found;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        GreenMail mail = server();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testMailServer", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.getSmtp().getPort()),
                "samizdat.mail.from", "newsletter@samizdat.test")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
