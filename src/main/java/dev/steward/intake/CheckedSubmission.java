package dev.steward.intake;

import dev.steward.accounts.Registration;
import dev.steward.catalog.Form;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.vault.ClaimedIdentifier;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A submission that passed every check, ready to store: the record's fields (never a password), the identifiers its
 * subject carries, an account's logins and password where the form registers, and, for a child whose parent must
 * confirm first, the parent's address. {@code toString} leaves every value out.
 */
record CheckedSubmission(
        Form form,
        ProcessingActivity activity,
        Map<String, String> recordFields,
        List<ClaimedIdentifier> identifiers,
        List<Registration.Login> logins,
        @Nullable String password,
        @Nullable String passwordField,
        @Nullable String parentEmail) {

    boolean awaitsParent() {
        return parentEmail != null;
    }

    @Override
    public String toString() {
        return "CheckedSubmission[form=" + form.key() + ", fields=" + recordFields.keySet() + ", awaitsParent="
                + awaitsParent() + "]";
    }
}
