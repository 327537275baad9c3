package dev.steward.weblog;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Writes the buffered requests every second. */
@Component
@Profile("!cli")
class RequestLogWriter {

    private final RequestLog log;

    RequestLogWriter(RequestLog log) {
        this.log = log;
    }

    @Scheduled(fixedDelayString = "PT1S")
    void write() {
        log.flush();
    }
}
