package dev.steward.platform;

import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure said in one line for the operator, instead of a stack trace: a database that cannot be reached is named
 * (without user or password), Steward's own exceptions speak for themselves, and anything else is its innermost
 * cause's type and first line.
 */
final class Failures {

    private Failures() {}

    static final String CHECK_SETTINGS =
            "Check STEWARD_DATABASE_URL, STEWARD_DATABASE_USER and STEWARD_DATABASE_PASSWORD.";

    static String describe(Throwable failure, @Nullable String databaseUrl) {
        return unreachableDatabase(failure)
                .map(cause -> unreachable(cause, databaseUrl) + ". " + CHECK_SETTINGS)
                .orElseGet(() -> said(innermost(failure)));
    }

    static String unreachable(SQLException cause, @Nullable String databaseUrl) {
        return "cannot reach the database at " + where(databaseUrl) + ": " + why(cause);
    }

    /** The driver's sentence, and what lies under it when that says more ("The connection attempt failed"). */
    private static String why(SQLException cause) {
        String sentence = firstLine(cause.getMessage()).replaceAll("\\.+$", "");
        Throwable under = innermost(cause);
        return under == cause ? sentence : sentence + " (" + said(under) + ")";
    }

    /**
     * PostgreSQL's connection errors (SQLSTATE class 08), refused logins (28), a database that does not exist (3D000)
     * and a server out of connections (53300).
     */
    static Optional<SQLException> unreachableDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("28")
                        || state.equals("3D000")
                        || state.equals("53300")) {
                    return Optional.of(sql);
                }
            }
        }
        return Optional.empty();
    }

    private static String where(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return "the embedded PostgreSQL";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String said(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        if (cause.getClass().getName().startsWith("dev.steward.") && !message.isEmpty()) {
            return message;
        }
        String type = cause.getClass().getSimpleName();
        return message.isEmpty() ? type : type + ": " + firstLine(message);
    }

    private static String firstLine(@Nullable String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
