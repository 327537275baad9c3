package dev.steward.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what Steward accepts over HTTP.
 *
 * @param maxRequestBody the largest request body, JSON or form, Steward reads ({@code STEWARD_MAX_REQUEST_BODY})
 */
@ConfigurationProperties("steward.http")
public record HttpSettings(DataSize maxRequestBody) {}
