package dev.steward.test;

import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The product's password hashing (bcrypt, the algorithm named in the hash) at bcrypt's lowest work factor, for the
 * test contexts and the staff members tests write into the table. WHY: every staff call with HTTP Basic verifies a
 * bcrypt hash, and at the product's factor (10) each took about 75 ms of the two cores; the permission matrix alone
 * asks 616 such cells. The same algorithm, format ({@code {bcrypt}$2a$04$...}) and checks run, and a hash at factor 4
 * verifies under the product's own encoder too (bcrypt reads the factor from the hash), so that nodes and commands
 * started beside a test context read the same staff table.
 */
public final class TestPasswords {

    private TestPasswords() {}

    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
}
