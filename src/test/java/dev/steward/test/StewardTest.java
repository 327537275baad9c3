package dev.steward.test;

import dev.steward.consent.ConsentLedger;
import dev.steward.disclosures.Disclosures;
import dev.steward.vault.Identities;
import dev.steward.vault.Vault;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real HTTP port, on its own database on the test PostgreSQL, with a {@link TestClock}.
 * Test classes with the same configuration share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "steward.admin-password=" + StewardTest.ADMIN_PASSWORD,
            "steward.catalog=" + StewardTest.CATALOGS,
            "LAB_ACCOUNTING_WEBHOOK_SECRET=" + StewardTest.WEBHOOK_SECRET,
            // tests send portable data to a receiver on this machine
            "steward.outbound.allow-loopback=true",
            // tests deliver webhooks themselves, at the moments they choose
            "steward.rights.webhook-interval=PT1H",
            // tests sweep when they mean to: a background sweep on the shared clock would erase other tests' records
            "steward.retention.scheduled=false",
            // batches smaller than the product's, so that two nodes sweeping the same 20,000 records both get some
            "steward.retention.batch-size=5000",
            // tests start and send campaigns themselves, at the moments they choose
            "steward.newsletter.interval=PT1H",
            // GreenMail names every address it opens a mailbox for, and those are the test people's addresses
            "logging.level.com.icegreen.greenmail.user.UserManager=WARN"
        })
@ContextConfiguration(initializers = TestDatabase.class)
@Import({StewardTest.Clocks.class, StewardTest.Passwords.class, StewardTest.Fixtures.class})
public @interface StewardTest {

    String ADMIN_PASSWORD = "correct-horse-battery";

    /** The demo catalogs, and a small test site ({@code lab}) for what the seeds do not exercise. */
    String CATALOGS = "classpath:examples/olympus-2018,classpath:examples/omron-2012,classpath:catalogs/lab";

    /** The lab accounting partner's webhook secret, Standard Webhooks style. */
    String WEBHOOK_SECRET = "whsec_c3Rld2FyZC10ZXN0LXdlYmhvb2stc2VjcmV0LTMyYnl0ZXM=";

    /** Where test clocks start: a fixed, ordinary day. */
    Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(START);
        }
    }

    /** Passwords hashed as the product hashes them, at bcrypt's lowest work factor: see {@link TestPasswords}. */
    @TestConfiguration(proxyBeanMethods = false)
    class Passwords {
        @Bean
        @Primary
        PasswordEncoder testPasswordEncoder() {
            return TestPasswords.encoder();
        }
    }

    /** The test people tests make through the application's own modules, ready to be autowired. */
    @TestConfiguration(proxyBeanMethods = false)
    class Fixtures {
        @Bean
        LabCustomers labCustomers(Vault vault, Identities identities, ConsentLedger ledger, Disclosures disclosures) {
            return new LabCustomers(vault, identities, ledger, disclosures);
        }
    }
}
