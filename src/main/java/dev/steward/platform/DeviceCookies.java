package dev.steward.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Sets a device cookie: sent back only to the pages where passwords are typed (its path), out of scripts' reach
 * (HttpOnly), never on a request another site starts (SameSite=Strict), and, behind TLS, never over plain HTTP.
 */
@Component
public class DeviceCookies {

    private final StewardProperties properties;

    DeviceCookies(StewardProperties properties) {
        this.properties = properties;
    }

    public void set(
            String name,
            String value,
            String path,
            Duration trustedFor,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(name, value)
                        .path(path)
                        .maxAge(trustedFor)
                        .httpOnly(true)
                        .secure(request.isSecure() || properties.publicUrl().startsWith("https:"))
                        .sameSite("Strict")
                        .build()
                        .toString());
    }
}
