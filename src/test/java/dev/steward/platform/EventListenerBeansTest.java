package dev.steward.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/** {@link EventListenerBeans}: the listeners of given events made ahead of the first event, in a lazy context. */
class EventListenerBeansTest {

    interface Erasure {}

    record PeopleErased() implements Erasure {}

    record RecordsGone() {}

    static class PeopleListener {
        @EventListener
        void erased(PeopleErased event) {}
    }

    static class ErasureListener {
        @TransactionalEventListener
        void erased(Erasure event) {}
    }

    static class RecordsListener {
        @EventListener(RecordsGone.class)
        void gone() {}
    }

    static class NoListener {
        void erased(PeopleErased event) {}
    }

    @Test
    void createsTheLazySingletonsThatListenToTheEventsOrTheirSupertypesAndNoOther() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("people", PeopleListener.class, definition -> definition.setLazyInit(true));
            context.registerBean("erasure", ErasureListener.class, definition -> definition.setLazyInit(true));
            context.registerBean("records", RecordsListener.class, definition -> definition.setLazyInit(true));
            context.registerBean("none", NoListener.class, definition -> definition.setLazyInit(true));
            context.registerBean(EventListenerBeans.class, definition -> definition.setLazyInit(true));
            context.refresh();
            var factory = context.getBeanFactory();
            assertThat(factory.containsSingleton("people")).isFalse();

            assertThat(context.getBean(EventListenerBeans.class).prepare(PeopleErased.class))
                    .containsExactlyInAnyOrder("people", "erasure");
            assertThat(factory.containsSingleton("people")).isTrue();
            assertThat(factory.containsSingleton("erasure")).isTrue();
            assertThat(factory.containsSingleton("records")).isFalse();
            assertThat(factory.containsSingleton("none")).isFalse();

            assertThat(context.getBean(EventListenerBeans.class).prepare(RecordsGone.class))
                    .containsExactly("records");
            assertThat(factory.containsSingleton("none")).isFalse();
        }
    }
}
