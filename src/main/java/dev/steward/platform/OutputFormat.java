package dev.steward.platform;

/** What a command that prints a table writes: {@code --format csv} or {@code --format json} (case does not matter). */
public enum OutputFormat {
    CSV,
    JSON
}
