package dev.steward.staff;

import java.util.UUID;

/** An authenticated API key. */
record ApiKeyPrincipal(UUID id, Caller caller) {}
