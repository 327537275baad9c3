package dev.steward.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the console's sign-in form brings besides the user name and password: the browser's device cookie, looked up
 * ({@link StaffDevices}). Only the form's attempts carry it; HTTP Basic's carry Spring's plain details, so the staff
 * API never trusts a browser.
 */
final class ConsoleSignInDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    /** Needed while signing in only, so not kept with the session. */
    private final transient @Nullable StaffDevice device;

    ConsoleSignInDetails(HttpServletRequest request, Optional<StaffDevice> device) {
        super(request);
        this.device = device.orElse(null);
    }

    /** The browser the attempt's form was posted from, if it presented a device cookie Steward knows. */
    static Optional<StaffDevice> deviceOf(Authentication attempt) {
        return attempt.getDetails() instanceof ConsoleSignInDetails details
                ? Optional.ofNullable(details.device)
                : Optional.empty();
    }
}
