package dev.steward.inquiries;

import java.time.Instant;
import java.util.UUID;

/** A reply as stored: its text sealed under the subject's key. */
record StoredReply(UUID id, UUID caseId, String author, Instant sentAt, UUID mail, byte[] sealedText) {}
