package dev.steward.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UrlPathHelper;

/**
 * The one place where the {@link Permission} matrix is enforced for pages and APIs: before a handler runs, the
 * caller must hold the permission it {@link Requires}. In the guarded areas (the console, the staff API and the
 * integrators' API) a handler that names none is refused to everybody; {@link PermissionCoverage} keeps Steward from
 * starting with one. A refusal is an {@link AccessDeniedException}, answered by Spring Security: 403, or the sign-in
 * page or 401 for a caller not signed in.
 */
final class PermissionGuard implements HandlerInterceptor {

    static final String CONSOLE = "/admin";
    static final String STAFF_API = "/api/v1/admin";
    static final List<String> INTEGRATOR_API = List.of("/api/v1/consent-decisions", "/api/v1/consent-events");

    private final CurrentCaller caller;
    private final Map<Method, Optional<Permission>> declared = new ConcurrentHashMap<>();

    PermissionGuard(CurrentCaller caller) {
        this.caller = caller;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Optional<Permission> needed = declared.computeIfAbsent(method.getMethod(), key -> permissionOf(method));
        if (needed.isEmpty()) {
            if (guarded(UrlPathHelper.defaultInstance.getPathWithinApplication(request))) {
                throw new AccessDeniedException("No permission is declared for this address.");
            }
            return true;
        }
        if (!caller.get().may(needed.get())) {
            throw new AccessDeniedException("Not permitted: " + needed.get().action());
        }
        return true;
    }

    /** The handler's own permission, else its class's. */
    static Optional<Permission> permissionOf(HandlerMethod method) {
        Requires own = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Requires.class);
        Requires inherited = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Requires.class);
        return Optional.ofNullable(own != null ? own : inherited).map(Requires::value);
    }

    /** Whether the path belongs to the console, the staff API or the integrators' API. */
    static boolean guarded(String path) {
        return within(path, CONSOLE)
                || within(path, STAFF_API)
                || INTEGRATOR_API.stream().anyMatch(area -> within(path, area));
    }

    private static boolean within(String path, String area) {
        return path.equals(area) || path.startsWith(area + "/");
    }
}
