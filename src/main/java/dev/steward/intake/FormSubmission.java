package dev.steward.intake;

import dev.steward.consent.CollectionMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A visitor's submission of a form as it arrived, over HTML or JSON, before any check. Fields are by catalog key;
 * anything else that was sent is named in {@code undeclared} so it can be refused rather than dropped. {@code age}
 * is the text typed or sent. {@code toString} leaves every value out.
 */
record FormSubmission(
        String site,
        String form,
        Map<String, String> fields,
        Set<String> consents,
        List<String> undeclared,
        @Nullable String age,
        @Nullable String birthDate,
        @Nullable String parentEmail,
        @Nullable String honeypot,
        CollectionMethod method,
        Connection connection) {

    FormSubmission {
        fields = Map.copyOf(fields);
        consents = Set.copyOf(consents);
        undeclared = List.copyOf(undeclared);
    }

    /** Where and how the submission arrived: the visitor's jurisdiction and their connection. */
    record Connection(
            String jurisdiction,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            Instant at) {

        @Override
        public String toString() {
            return "Connection[jurisdiction=" + jurisdiction + "]";
        }
    }

    @Override
    public String toString() {
        return "FormSubmission[site=" + site + ", form=" + form + ", fields=" + fields.keySet() + ", consents="
                + consents + ", method=" + method + "]";
    }
}
