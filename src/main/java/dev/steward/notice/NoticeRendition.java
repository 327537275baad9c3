package dev.steward.notice;

/**
 * One page of a published notice version as stored and served: its language, its HTML, and the SHA-256 of that HTML,
 * which evidence names as what a person was shown.
 */
public record NoticeRendition(String language, String html, String sha256) {}
