package dev.steward.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The HTTP client of outbound jobs. It connects only to addresses {@link OutboundAddresses} resolved and found public
 * at the moment of connecting, so the address checked is the address used; it follows no redirect, uses no proxy,
 * keeps no cookies and never retries on its own (the outbound queue does, with its pauses).
 */
@Component
public class OutboundHttp implements DisposableBean {

    private final CloseableHttpClient client;
    private final Duration attemptBound;

    @Autowired
    OutboundHttp(OutboundAddresses addresses, OutboundSettings settings) {
        this(addresses, settings.connectTimeout(), settings.readTimeout());
    }

    OutboundHttp(OutboundAddresses addresses, Duration connectTimeout, Duration readTimeout) {
        // connecting, then sending and reading, each timed; the lease's guard cuts off a receiver that trickles
        this.attemptBound = connectTimeout.plus(readTimeout).multipliedBy(2);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(addresses))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                                .setSocketTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                                .build())
                        .build())
                // a fresh connection per request: resolved and checked again each time, never a stale one reused
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** The longest one request may take before its lease's guard cuts it off. */
    public Duration attemptBound() {
        return attemptBound;
    }

    /** A receiver's answer: its status code, or the type of the error that kept it from answering. */
    public record Answer(@Nullable Integer status, @Nullable String error) {

        public boolean accepted() {
            return status != null && status / 100 == 2;
        }

        /** What went wrong, for the record of attempts: never the receiver's own words. */
        public String failure() {
            return error != null ? error : "HTTP " + status;
        }
    }

    /**
     * POSTs the body and answers the receiver's status code, aborting the request if it is still running at the
     * lease's deadline. A host that is not public ends it as {@link NonPublicAddressException} does.
     */
    public Answer post(URI url, Map<String, String> headers, ContentType type, byte[] body, Lease lease) {
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, type));
        try (Lease.Guard guard = lease.guard(post::cancel)) {
            return new Answer(
                    client.execute(post, response -> {
                        EntityUtils.consume(response.getEntity());
                        return response.getCode();
                    }),
                    null);
        } catch (IOException e) {
            return new Answer(null, e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }

    private record CheckedResolver(OutboundAddresses addresses) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses.resolve(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
