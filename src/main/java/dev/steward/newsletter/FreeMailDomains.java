package dev.steward.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Domains at which anyone can have a mailbox: free-mail providers and disposable-mail services, from the maintained
 * list Steward carries ({@code free-email-domains/}, the npm package {@code free-email-domains}, MIT License). A
 * hand-written list would know a few providers and age; this one merges HubSpot's list and two disposable-mail lists
 * and is released as they change.
 */
@Component
class FreeMailDomains {

    static final String BUNDLED = "free-email-domains/free-email-domains.txt";

    private final Set<String> domains;

    FreeMailDomains() {
        this.domains = read(new ClassPathResource(BUNDLED));
    }

    /** Whether the domain, or a domain it is under ({@code mail.gmail.com}), is one where anyone can have an address. */
    boolean isFreeMail(String domain) {
        String name = domain.strip().toLowerCase(Locale.ROOT);
        while (!name.isEmpty()) {
            if (domains.contains(name)) {
                return true;
            }
            int dot = name.indexOf('.');
            name = dot < 0 ? "" : name.substring(dot + 1);
        }
        return false;
    }

    private static Set<String> read(ClassPathResource resource) {
        Set<String> read = new HashSet<>(16_384);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(read::add);
        } catch (IOException e) {
            throw new UncheckedIOException("The bundled list of free-mail domains cannot be read", e);
        }
        return Set.copyOf(read);
    }
}
