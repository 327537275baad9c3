package dev.steward.platform;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link ScrapeRefresh} behind Spring Security's filters (order -100), so that it serves authorised scrapes only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MetricsConfiguration {

    @Bean
    FilterRegistrationBean<ScrapeRefresh> scrapeRefresh(List<ScrapedState> states) {
        FilterRegistrationBean<ScrapeRefresh> registration = new FilterRegistrationBean<>(new ScrapeRefresh(states));
        registration.setOrder(0);
        registration.addUrlPatterns("/actuator/prometheus");
        return registration;
    }
}
