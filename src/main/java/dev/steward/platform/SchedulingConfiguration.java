package dev.steward.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work belongs to the server. A command runs once and exits; scheduling there would also create the
 * beans that schedule work, such as Spring Modulith's staleness monitor, and with them the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!cli")
class SchedulingConfiguration {}
