package io.portcullis.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for plain (non-Quarkus) tests: injects the JVM's real {@link KafkaTestBroker}
 * and {@link RegistryTestServer} into test and lifecycle method parameters, starting them on first use.
 *
 * <pre>{@code
 * @ExtendWith(RealPartsExtension.class)
 * class SomethingIT {
 *     @Test void works(KafkaTestBroker kafka, RegistryTestServer registry) { ... }
 * }
 * }</pre>
 */
public final class RealPartsExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaTestBroker.class || type == RegistryTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestBroker.class ? RealParts.broker() : RealParts.registry();
    }
}
