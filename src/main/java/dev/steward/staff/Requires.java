package dev.steward.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a console page or an authenticated API handler needs, checked against the {@link Permission}
 * matrix before the handler runs. On a class it applies to every handler without one of its own. A handler of the
 * console, the staff API or the integrators' API without one is refused to everybody, and Steward does not start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {

    Permission value();

    /**
     * A read sent as a POST: because what it searches for is personal data (an e-mail address) that must stay out of
     * URLs, browser histories and the request log, or because it takes too long to answer and a POST starts it in the
     * background (a verification of the evidence chains, which reads them and keeps only its own result). The matrix
     * lets a read-only permission cover it.
     */
    boolean readByPost() default false;
}
