package io.portcullis.testkit;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a container engine on this machine. */
final class ContainerEngine {

    private static Boolean available;

    private ContainerEngine() {
    }

    /**
     * True when a container engine answers. {@code -Dtestkit.containers=false} forces the
     * in-process/child-process parts even where an engine exists.
     */
    static synchronized boolean available() {
        if (available == null) {
            available = !"false".equals(System.getProperty("testkit.containers"))
                    && DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }
}
