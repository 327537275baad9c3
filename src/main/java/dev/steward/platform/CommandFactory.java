package dev.steward.platform;

import java.lang.reflect.Constructor;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;

/**
 * Creates picocli's command objects with their constructor arguments, each an {@link ObjectProvider} that starts the
 * command's Spring context only when asked for its bean: picocli creates every command it passes on the way to the
 * one named, {@code --help} and usage errors included, and none of that may start a database. Anything that is not a
 * command (converters, picocli's own help command) is left to picocli's factory.
 */
final class CommandFactory implements IFactory {

    private final CommandContext context;

    CommandFactory(CommandContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (!type.isAnnotationPresent(Command.class) || constructors.length != 1) {
            return picocli.CommandLine.defaultFactory().create(type);
        }
        Constructor<?> constructor = constructors[0];
        constructor.setAccessible(true);
        Object[] arguments = IntStream.range(0, constructor.getParameterCount())
                .mapToObj(index -> argument(constructor, index))
                .toArray();
        return type.cast(constructor.newInstance(arguments));
    }

    private Object argument(Constructor<?> constructor, int index) {
        Class<?> type = constructor.getParameterTypes()[index];
        if (type == CommandContext.class) {
            return context;
        }
        if (type != ObjectProvider.class) {
            throw new IllegalStateException(constructor.getDeclaringClass().getName()
                    + " takes a " + type.getSimpleName() + ": a command takes only ObjectProviders, so that reading"
                    + " its arguments starts nothing");
        }
        return new LazyBean<>(
                context,
                ResolvableType.forConstructorParameter(constructor, index).getGeneric(0));
    }

    /** The bean, looked up in the command's context once somebody asks for it. */
    private record LazyBean<T>(CommandContext context, ResolvableType type) implements ObjectProvider<T> {

        private ObjectProvider<T> provider() {
            return context.beans().getBeanProvider(type);
        }

        @Override
        public T getObject() {
            return provider().getObject();
        }

        @Override
        public T getObject(Object... arguments) {
            return provider().getObject(arguments);
        }

        @Override
        public T getIfAvailable() {
            return provider().getIfAvailable();
        }

        @Override
        public T getIfUnique() {
            return provider().getIfUnique();
        }

        @Override
        public Stream<T> stream() {
            return provider().stream();
        }

        @Override
        public Stream<T> orderedStream() {
            return provider().orderedStream();
        }
    }
}
