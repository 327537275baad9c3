package dev.steward.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    MailTransport mailTransport(MailSettings settings) {
        if (settings.smtp().configured()) {
            log.info(
                    "Mail is delivered through the SMTP server {}:{}",
                    settings.smtp().host(),
                    settings.smtp().port());
            return new SmtpTransport(settings.smtp());
        }
        log.info("No SMTP server configured (STEWARD_SMTP_HOST): mail goes to the dev mailbox at /admin/mailbox");
        return new DevMailbox();
    }
}
