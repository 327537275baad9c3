package dev.steward.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link CliCommand} bean and names it as typed after {@code java -jar steward.jar}, e.g.
 * {@code "catalog check"}. The name is read without creating the bean, so a command that needs no database does
 * not start one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Component
public @interface Command {
    String name();

    String usage();
}
