package dev.steward.mail;

import java.time.Instant;
import java.util.UUID;

/** A message deleted with its subject's erasure before it left, and the instant of that erasure. */
public record LostMail(UUID message, Instant lostAt) {}
