package dev.steward.cookies;

import jakarta.servlet.http.HttpServletRequest;

/** Global Privacy Control as a request carries it: the {@code Sec-GPC: 1} header. */
final class Gpc {

    private Gpc() {}

    static boolean sentBy(HttpServletRequest request) {
        return "1".equals(request.getHeader("Sec-GPC"));
    }
}
