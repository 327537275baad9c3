package dev.steward.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a field the request does not have, or one given twice, is refused with its name
 * instead of being dropped or the last one winning. WHY: a caller who sends {@code occurredAt} or {@code admin} and
 * gets 201 believes it counted. WHY only here: the application's mapper also reads what Steward stored itself, where
 * a field of an older version must not make a row unreadable. A body from outside that Steward does not define (a
 * mail provider's report) says so on its type with {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

    /** Replaces Spring Boot's JSON converter (it backs off when this bean exists): same mapper, stricter reading. */
    @Bean
    JacksonJsonHttpMessageConverter jsonConverter(JsonMapper json) {
        return new JacksonJsonHttpMessageConverter(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }
}
