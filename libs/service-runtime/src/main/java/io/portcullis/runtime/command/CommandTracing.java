package io.portcullis.runtime.command;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One trace from the HTTP call to the events: the gateway's span for sending a command is a child of the
 * caller's (the HTTP server span), its context travels in the command record's headers (W3C
 * {@code traceparent}), the writer's span for deciding it continues that trace and lasts until its
 * transaction has committed, and the events carry the decision's context in their headers, so whoever
 * consumes them can continue the same trace (a service's reactions do). The gateway's span ends when the
 * caller has its answer. With tracing off (the default) every span is a no-op.
 */
final class CommandTracing {

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final String commandsTopic;

    CommandTracing(OpenTelemetry openTelemetry, String commandsTopic) {
        this.tracer = openTelemetry.getTracer("io.portcullis.runtime");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.commandsTopic = commandsTopic;
    }

    /** The gateway sends a command: a producer span under the caller's current context, carried in the record's headers. */
    Span send(String command, Headers headers) {
        Span span = span(commandsTopic, "send", command, SpanKind.PRODUCER, Context.current()).startSpan();
        propagator.inject(Context.current().with(span), headers, SETTER);
        return span;
    }

    /** The writer decides a command: a consumer span continuing the trace its record carries. */
    Span decide(String command, Headers headers, int partition) {
        return span(commandsTopic, "decide", command, SpanKind.CONSUMER, propagator.extract(Context.root(), headers, GETTER))
                .setAttribute("messaging.destination.partition.id", Integer.toString(partition))
                .startSpan();
    }

    /**
     * A service reacts to another's event: a consumer span continuing the trace the event carries, carried in
     * turn by the command record it sends, so the reacting service's decision joins the same trace.
     */
    Span react(String eventsTopic, String command, Headers eventHeaders, Headers commandHeaders) {
        Span span = span(eventsTopic, "react", command, SpanKind.CONSUMER, propagator.extract(Context.root(), eventHeaders, GETTER))
                .startSpan();
        propagator.inject(Context.root().with(span), commandHeaders, SETTER);
        return span;
    }

    /** Named as OpenTelemetry's messaging conventions name spans: {@code <topic> <operation>}, then the command. */
    private SpanBuilder span(String topic, String operation, String command, SpanKind kind, Context parent) {
        return tracer.spanBuilder(topic + " " + operation + " " + command).setSpanKind(kind).setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("portcullis.command", command);
    }

    /** An event continues the decision's trace: its context goes into the record's headers. */
    void carry(Span decision, Headers headers) {
        propagator.inject(Context.root().with(decision), headers, SETTER);
    }

    static void end(Span span, String outcome, boolean failed) {
        if (span == null) {
            return;
        }
        span.setAttribute("portcullis.outcome", outcome);
        if (failed) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
