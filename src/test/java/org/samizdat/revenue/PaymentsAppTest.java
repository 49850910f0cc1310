package org.samizdat.revenue;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.samizdat.support.TestDatabase;
import org.samizdat.support.TestMailServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@code MailAppTest}, with Stripe and BTCPay configured and pointed at {@link ProviderStubs}' WireMock
 * server. Test classes with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabase.class, TestMailServer.class, ProviderStubs.class})
@ActiveProfiles("test")
public @interface PaymentsAppTest {
}
