package dev.steward.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Keeps Steward from starting with a hole in the matrix: every handler of the console, the staff API and the
 * integrators' API names its {@link Permission}, and a handler reachable by anything but GET names one that
 * changes state, so that no read-only role can reach it.
 */
class PermissionCoverage {

    private static final Set<RequestMethod> READING = Set.of(RequestMethod.GET, RequestMethod.HEAD);

    private final RequestMappingHandlerMapping handlers;

    PermissionCoverage(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    @EventListener(ContextRefreshedEvent.class)
    void verify() {
        List<String> problems = problems(handlers.getHandlerMethods());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The permission matrix does not cover every handler:\n  " + String.join("\n  ", problems));
        }
    }

    static List<String> problems(Map<RequestMappingInfo, HandlerMethod> mappings) {
        List<String> problems = new ArrayList<>();
        mappings.forEach((info, method) -> {
            var permission = PermissionGuard.permissionOf(method);
            boolean guarded = info.getPatternValues().stream().anyMatch(PermissionGuard::guarded);
            if (guarded && permission.isEmpty()) {
                problems.add(info + " (" + method + ") names no permission: add @Requires");
            }
            Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
            boolean writes = verbs.isEmpty() || !READING.containsAll(verbs);
            if (writes && permission.isPresent() && !permission.get().changesState() && !readByPost(method)) {
                problems.add(info + " (" + method + ") accepts " + (verbs.isEmpty() ? "any method" : verbs)
                        + " but requires " + permission.get() + ", which only reads");
            }
        });
        return problems;
    }

    private static boolean readByPost(HandlerMethod method) {
        Requires requires = method.getMethodAnnotation(Requires.class);
        return requires != null && requires.readByPost();
    }
}
