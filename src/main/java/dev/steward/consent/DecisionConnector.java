package dev.steward.consent;

import dev.steward.platform.InvalidSettingException;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.core.env.Environment;

/**
 * An optional port of its own for integrators' consent decisions ({@code steward.decisions.port}), served by a small
 * pool of request threads ({@code steward.decisions.threads}, two a core by default).
 *
 * <p>WHY: with 64 integrator connections on a 2-core node, Tomcat's default pool of 200 threads lets every connection
 * run at once, time-sliced, and the slowest percent of decisions waits for the others' slices (p99 6.2 ms against the
 * bare server's 4.0); four threads answer the same load with a p99 of 4.6 ms at the same rate (bench/README.md). A
 * pool that small must not serve visitors' pages and uploads, whose bodies are read blocking: four slow clients would
 * hold every thread. So the small pool gets a connector that answers only the decision: any other request there is
 * refused at once, and its body is never read (no swallowing of unread bodies either).
 */
final class DecisionConnector {

    private DecisionConnector() {}

    /** The connector the environment asks for, added to the factory; none when no port is set. */
    static @Nullable Connector addTo(TomcatServletWebServerFactory factory, Environment environment) {
        Integer port = setting(environment, "port", 0, 65_535, null);
        if (port == null) {
            return null;
        }
        int threads = setting(
                environment, "threads", 1, 1_000, 2 * Runtime.getRuntime().availableProcessors());
        // NIO2 rather than the main port's NIO: with NIO every answer on a kept-alive connection is handed from the
        // poller to a request thread and back (a wake-up, the selector's wake-up, the re-registration); with NIO2 the
        // read's completion runs the answer. On 2 cores under 64 connections, back to back, that took a sixth off
        // the server's CPU a decision and shortened the slowest percent of answers (bench/README.md, where a pair of
        // runs at 10,000,000 subjects did not show it). The port serves only bodiless GETs, read alike by both.
        Connector connector = new Connector(Http11Nio2Protocol.class.getName());
        connector.setPort(port);
        connector.setProperty("maxThreads", String.valueOf(threads));
        connector.setProperty("minSpareThreads", String.valueOf(threads));
        // as the main connector (application.yml): an integrator's pool of connections is not made to reconnect
        connector.setProperty("maxKeepAliveRequests", "10000");
        // socket buffers outside the heap: with heap buffers every read and write goes through a temporary direct
        // buffer the JDK looks up in a thread-local map, a share of a decision's CPU (bench/README.md); 16 KB a
        // connection
        connector.setProperty("socket.directBuffer", "true");
        connector.setMaxPostSize(0);
        factory.addAdditionalConnectors(connector);
        return connector;
    }

    private static @Nullable Integer setting(
            Environment environment, String name, int min, int max, @Nullable Integer absent) {
        String text = environment.getProperty("steward.decisions." + name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(
                "STEWARD_DECISIONS_" + name.toUpperCase(java.util.Locale.ROOT) + " (steward.decisions." + name
                        + ") must be a whole number from " + min + " to " + max + ", not '" + text.strip() + "'");
    }
}
