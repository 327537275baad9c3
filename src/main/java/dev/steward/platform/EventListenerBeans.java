package dev.steward.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Creates, before a command's work starts, the beans whose {@code @EventListener} methods (transactional ones
 * included) take given events. A command's context creates its beans on demand ({@link CommandContext}), so a
 * listener is otherwise created by the first event it gets: in a retention sweep, inside a batch's transaction, where
 * building the forty-odd beans behind the listeners of erased people took half a second under Spring's singleton lock
 * while the batch held its rows and the erasure chain's head and the other worker waited (bench/README.md, sweep8). In
 * the server every singleton already exists and this creates nothing.
 */
@Component
public class EventListenerBeans {

    private final ConfigurableListableBeanFactory beans;

    EventListenerBeans(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Creates every singleton that listens to one of the events (or a supertype of one); answers their names. */
    public List<String> prepare(Class<?>... events) {
        List<String> listening = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(name)) {
                continue;
            }
            Class<?> type = beans.getType(name, false);
            if (type != null && listensTo(ClassUtils.getUserClass(type), events)) {
                beans.getBean(name);
                listening.add(name);
            }
        }
        return listening;
    }

    /** As Spring's {@code EventListenerMethodProcessor} finds the methods: by the annotation, merged. */
    private static boolean listensTo(Class<?> type, Class<?>[] events) {
        if (!AnnotationUtils.isCandidateClass(type, EventListener.class)) {
            return false;
        }
        Map<Method, EventListener> methods =
                MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<EventListener>)
                        method -> AnnotatedElementUtils.findMergedAnnotation(method, EventListener.class));
        for (Map.Entry<Method, EventListener> method : methods.entrySet()) {
            List<Class<?>> taken = method.getValue().classes().length > 0
                    ? Arrays.asList(method.getValue().classes())
                    : Arrays.asList(method.getKey().getParameterTypes());
            for (Class<?> event : events) {
                if (taken.stream().anyMatch(parameter -> parameter.isAssignableFrom(event))) {
                    return true;
                }
            }
        }
        return false;
    }
}
