package dev.steward.mail;

import org.jspecify.annotations.Nullable;

/** The personal part of a message, stored only sealed under the subject's key. */
record Envelope(
        String to,
        String subjectLine,
        String text,
        @Nullable String html) {

    @Override
    public String toString() {
        return "Envelope[sealed]";
    }
}
