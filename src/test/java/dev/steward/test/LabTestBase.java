package dev.steward.test;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the tests of a visitor of the {@code lab} site share: the application on its port with the test clock, the
 * lab's customers to make, and a visitor's HTTP client and mailbox, new for each test. Subclasses carry
 * {@code @StewardTest} themselves, with whatever else their context needs.
 */
public abstract class LabTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected LabCustomers customers;

    protected Http http;
    protected Inbox inbox;

    @BeforeEach
    protected void connect() {
        http = new Http(port);
        inbox = new Inbox(port);
    }
}
