package dev.steward.mail;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Site;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailTransport mailTransport(
            MailSettings settings, Catalogs catalogs, Clock clock, dev.steward.platform.StewardProperties properties) {
        if (settings.smtp().configured()) {
            log.info(
                    "Mail is delivered through the SMTP server {}:{}",
                    settings.smtp().host(),
                    settings.smtp().port());
            Optional<Dkim> dkim = Dkim.of(settings.dkim());
            dkim.ifPresent(key -> logSigning(key, settings, catalogs));
            return new SmtpTransport(settings.smtp(), dkim, clock);
        }
        if (properties.publicUrl().startsWith("https:")) {
            log.warn("No SMTP server configured (STEWARD_SMTP_HOST) in production mode: mail goes nowhere, and the"
                    + " mailbox at /admin/mailbox shows staff no link or code meant for its recipient");
        } else {
            log.info("No SMTP server configured (STEWARD_SMTP_HOST): mail goes to the dev mailbox at /admin/mailbox");
        }
        return new DevMailbox();
    }

    /** Says which senders the key signs for, so that an operator sees at start a site left unsigned. */
    private static void logSigning(Dkim key, MailSettings settings, Catalogs catalogs) {
        log.info(
                "DKIM: signing mail from {} with selector {} (RSA of {})",
                key.domain(),
                key.selector(),
                key.provider());
        if (!key.covers(settings.smtp().defaultSender().domain())) {
            log.warn(
                    "DKIM: Steward's own sender (STEWARD_SMTP_FROM) is not in {}; its mail goes unsigned",
                    key.domain());
        }
        for (Site site : catalogs.sites()) {
            if (site.mail() != null && !key.covers(site.mail().from().domain())) {
                log.warn(
                        "DKIM: the campaign sender of site {} is not in {}; its campaigns go unsigned",
                        site.key(),
                        key.domain());
            }
        }
    }
}
