package dev.steward.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.JacksonMixinModuleEntries;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring side of one run of the command line: the server that {@code serve} starts, or the context a command
 * takes its beans from, started only when the command first asks for one.
 */
final class CommandContext implements AutoCloseable {

    /**
     * Spring Boot's bean that reads every class of the application's packages for {@code @JsonMixin}, the first time
     * anything asks for the JSON mapper: 230–260 ms of a {@code consent import}'s start, a tenth of what its context
     * costs it (bench/README.md, import8). Steward declares no mix-in ({@code CommandContextTest}), so a command's
     * context answers the same empty set without reading them; the server still scans.
     */
    static final String MIXIN_SCAN = "jacksonMixinModuleEntries";

    private final Class<?> application;
    private final String[] settings;
    private @Nullable ConfigurableApplicationContext beans;
    private @Nullable ConfigurableApplicationContext server;

    CommandContext(Class<?> application, String[] settings) {
        this.application = application;
        this.settings = settings.clone();
    }

    /**
     * A context without a web server whose beans are all created on demand. Spring Boot's lazy initialization leaves
     * infrastructure beans eager, and among them Spring Modulith's event publication registry would start the
     * database even for a command that never uses it.
     */
    synchronized ConfigurableApplicationContext beans() {
        if (beans == null) {
            beans = new SpringApplicationBuilder(application)
                    .web(WebApplicationType.NONE)
                    .initializers(CommandContext::createBeansOnDemand)
                    .profiles("cli")
                    .logStartupInfo(false)
                    .run(settings);
        }
        return beans;
    }

    /** Starts the server; it runs until the process is stopped. */
    void serve() {
        server = new SpringApplicationBuilder(application).run(settings);
    }

    boolean serving() {
        return server != null;
    }

    /** What a failure message may say about where the database is, never its user or password. */
    @Nullable
    String databaseUrl() {
        return beans == null ? null : beans.getEnvironment().getProperty("steward.database.url");
    }

    private static void createBeansOnDemand(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                if (factory.getBeanDefinition(name) instanceof AbstractBeanDefinition definition
                        && definition.getLazyInit() == null) {
                    definition.setLazyInit(true);
                }
            }
            if (factory.containsBeanDefinition(MIXIN_SCAN)
                    && factory.getBeanDefinition(MIXIN_SCAN) instanceof AbstractBeanDefinition scan) {
                scan.setInstanceSupplier(() -> JacksonMixinModuleEntries.create(none -> {}));
            }
        });
    }

    /** Closes the command's beans (and with them the embedded database); a started server keeps running. */
    @Override
    public synchronized void close() {
        if (beans != null) {
            beans.close();
        }
    }
}
