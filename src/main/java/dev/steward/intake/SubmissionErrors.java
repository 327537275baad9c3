package dev.steward.intake;

import dev.steward.platform.FieldError;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a refused submission, in the visitor's language: the field and code stay stable for programs, the
 * message comes from the bundle ({@code submission.<what>.<code>}) so a German visitor reads German beside German
 * labels.
 */
@Component
class SubmissionErrors {

    private final MessageSource messages;

    SubmissionErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** An error at a field, worded by the bundle's {@code submission.<what>.<code>} with the arguments. */
    FieldError at(String field, String what, String code, Object... arguments) {
        return FieldError.of(field, code, "submission." + what + "." + code, arguments);
    }

    String words(String message, String language, Object... arguments) {
        return messages.getMessage("submission." + message, arguments, Locale.forLanguageTag(language));
    }
}
