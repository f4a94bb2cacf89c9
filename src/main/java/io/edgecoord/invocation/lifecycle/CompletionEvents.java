package io.edgecoord.invocation.lifecycle;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.InvocationCompleted;
import io.edgecoord.invocation.store.Invocation;

/**
 * Publishes {@link InvocationCompleted} once an invocation's final record is committed.
 * <p>
 * Hooks the future that {@link RecordingObserver#finished} completes after the commit, so the
 * event runs on the thread that finished the call, after the record is durable. Listeners must
 * stay cheap (the router only enqueues); one that throws is logged and cannot fail the call.
 */
@Component
class CompletionEvents {

    private static final Logger log = LoggerFactory.getLogger(CompletionEvents.class);

    private final ApplicationEventPublisher events;

    CompletionEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void publishWhenDone(CompletableFuture<Invocation> done) {
        done.thenAccept(this::publish);
    }

    private void publish(Invocation finished) {
        try {
            events.publishEvent(new InvocationCompleted(finished.id(), finished.taskName(), finished.taskVersion(),
                    finished.status(), finished.result(), finished.errorType(), finished.cause()));
        }
        catch (RuntimeException ex) {
            log.error("A listener failed on the completion of invocation {}", finished.id(), ex);
        }
    }
}
