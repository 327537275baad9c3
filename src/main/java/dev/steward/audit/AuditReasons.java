package dev.steward.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit entry's reason in words: a coded reason in the reader's language from the console's bundles, an entry
 * without a code (older ones, references, a staff member's own words) as stored. Templates call it as
 * {@code @auditReasons}.
 */
@Component("auditReasons")
public class AuditReasons {

    private static final String PREFIX = "console.audit.reason.";
    private static final String CONSOLE_WORDS = "console.";

    private final MessageSource messages;

    AuditReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in the language of the request being served. */
    public String words(AuditRecord record) {
        return record.reasonCode() == null
                ? String.valueOf(record.reason() == null ? "" : record.reason())
                : text(record.reasonCode(), record.reasonArgs(), LocaleContextHolder.getLocale());
    }

    String text(String code, List<String> arguments, Locale reader) {
        Object[] worded =
                arguments.stream().map(argument -> argument(argument, reader)).toArray();
        return messages.getMessage(PREFIX + code, worded, reader);
    }

    /**
     * Console words named by their keys ("console.role.AUDITOR,console.role.ADMIN") in the reader's language, anything
     * else as it was stored (text, so a pattern takes no choice or number format).
     */
    private String argument(String argument, Locale reader) {
        if (!argument.startsWith(CONSOLE_WORDS)) {
            return argument;
        }
        return Arrays.stream(argument.split(","))
                .map(key -> messages.getMessage(key, null, key, reader))
                .collect(Collectors.joining(messages.getMessage(PREFIX + "separator", null, ", ", reader)));
    }
}
