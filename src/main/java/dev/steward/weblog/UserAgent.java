package dev.steward.weblog;

import org.jspecify.annotations.Nullable;

/**
 * What a browser's User-Agent header tells: browser and its major version, operating system, kind of device
 * ({@code desktop}, {@code mobile}, {@code tablet}, {@code bot}). The header itself is never stored.
 */
record UserAgent(String browser, @Nullable String version, String operatingSystem, String device) {

    static final UserAgent UNKNOWN = new UserAgent("unknown", null, "unknown", "unknown");
}
