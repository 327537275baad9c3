package dev.steward.staff;

/**
 * Something on the caller's sites that waits for staff, for the top of the console's front page: how many, what in
 * words (the phrase that follows the number, "requests past their deadline"), and the list that shows exactly them.
 */
public record Attention(long count, String words, String link) {}
