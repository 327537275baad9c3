package dev.steward.consent;

import dev.steward.platform.ErrorWords;
import dev.steward.platform.FieldError;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.http.MimeHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First in Tomcat's engine pipeline: a request that came in on the {@link DecisionConnector} is answered here, by the
 * {@link ConsentDecisionValve}, or refused at once; it never enters the host's or the context's pipeline. Requests on
 * every other connector pass on untouched.
 *
 * <p>WHY: on the way to the context the engine's {@code RemoteIpValve} sets six request attributes on every request
 * (for an access log to read after it), each {@code setAttribute} copying the context's listener array; with the
 * host's valves that was a sixth of what a decision allocated (bench/README.md). The forwarded headers still count
 * here by Tomcat's own rule from the same trusted proxies: a {@code RemoteIpValve} configured as the engine's (copied
 * from it at start) runs first, only without those attributes, which nothing on this port reads; a request that
 * carries none of the headers it reads skips it, since it would change nothing the decision reads.
 */
final class DecisionPortValve extends ValveBase {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionPortValve.class);

    private final Connector port;
    private final ConsentDecisionValve decisions;
    private final ErrorWords words;
    private final boolean httpsOnly;
    private final RemoteIpValve forwarded = new RemoteIpValve();
    private final Answer answer = new Answer();

    DecisionPortValve(Connector port, ConsentDecisionValve decisions, ErrorWords words, boolean httpsOnly) {
        super(true);
        this.port = port;
        this.decisions = decisions;
        this.words = words;
        this.httpsOnly = httpsOnly;
        // no proxy is trusted until the engine's valve says which are
        forwarded.setInternalProxies(null);
        forwarded.setRequestAttributesEnabled(false);
        forwarded.setNext(answer);
    }

    @Override
    protected synchronized void startInternal() throws LifecycleException {
        for (Valve valve : getContainer().getPipeline().getValves()) {
            if (valve instanceof RemoteIpValve engine && valve != this) {
                sameRules(engine, forwarded);
            }
        }
        super.startInternal();
    }

    private static void sameRules(RemoteIpValve from, RemoteIpValve to) {
        to.setInternalProxies(from.getInternalProxies());
        to.setTrustedProxies(from.getTrustedProxies());
        to.setRemoteIpHeader(from.getRemoteIpHeader());
        to.setProxiesHeader(from.getProxiesHeader());
        to.setProtocolHeader(from.getProtocolHeader());
        to.setProtocolHeaderHttpsValue(from.getProtocolHeaderHttpsValue());
        to.setPortHeader(from.getPortHeader());
        to.setHostHeader(from.getHostHeader());
        to.setHttpServerPort(from.getHttpServerPort());
        to.setHttpsServerPort(from.getHttpsServerPort());
        to.setChangeLocalName(from.isChangeLocalName());
        to.setChangeLocalPort(from.isChangeLocalPort());
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getConnector() != port) {
            getNext().invoke(request, response);
        } else if (forwardedHeaders(request)) {
            forwarded.invoke(request, response);
        } else {
            // WHY: without any of the headers it reads, the valve changes nothing the decision reads (only a trusted
            // peer's attribute, which nothing here reads), and its check of the peer's address against the trusted
            // proxies, its deque and that attribute were a share of a decision's CPU and garbage (bench/README.md)
            answer.invoke(request, response);
        }
    }

    /** Whether the request carries any header the forwarded-headers rule reads. */
    private boolean forwardedHeaders(Request request) {
        MimeHeaders headers = request.getCoyoteRequest().getMimeHeaders();
        return present(headers, forwarded.getRemoteIpHeader())
                || present(headers, forwarded.getProtocolHeader())
                || present(headers, forwarded.getPortHeader())
                || present(headers, forwarded.getHostHeader());
    }

    private static boolean present(MimeHeaders headers, @Nullable String name) {
        return name != null && headers.getValue(name) != null;
    }

    /** After the forwarded headers: the decision, or the port's refusal. */
    private final class Answer extends ValveBase {

        Answer() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException {
            // a decision has no body; answering one would leave Tomcat swallowing it on one of the port's few threads
            if (announcesBody(request) || !decisions.asks(request)) {
                notServedHere(request, response);
                return;
            }
            try {
                decisions.answer(request, response);
            } catch (RuntimeException e) {
                failed(request, response, e);
            }
        }
    }

    private static boolean announcesBody(Request request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Refused without reading a body, and the connection closed without swallowing what is left of it: an upload
     * that stalls must not hold one of the port's few threads.
     */
    private void notServedHere(Request request, Response response) throws IOException {
        response.setHeader("Connection", "close");
        words.send(
                request,
                response,
                HttpServletResponse.SC_NOT_FOUND,
                FieldError.of(
                        null,
                        "not-found",
                        httpsOnly ? "error.consent.port.not-served-https" : "error.consent.port.not-served",
                        ConsentDecisionValve.PATH));
        // after the answer is on its way: Tomcat counts an unswallowed body as an error it would otherwise report
        response.flushBuffer();
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    /** What the main port's error page answers under {@code /api} for a crash, since no error page is reached here. */
    private void failed(Request request, Response response, RuntimeException e) throws IOException {
        LOG.error("A consent decision failed on the decision port", e);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setHeader("Connection", "close");
        words.send(
                request,
                response,
                HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                FieldError.of(null, "server-error", "error.platform.status.server-error"));
    }
}
