package io.portcullis.testkit;

import java.nio.file.Path;

/** Where the test kit finds the fetched distributions and writes the logs of the parts it starts. */
final class TestKitPaths {

    private TestKitPaths() {
    }

    /** {@code deploy/local/target/dist}, passed by the build as {@code -Dtestkit.dist.dir}. */
    static Path distDir() {
        String dir = System.getProperty("testkit.dist.dir");
        if (dir == null) {
            throw new IllegalStateException("System property testkit.dist.dir is not set: run the tests through Maven"
                    + " (./mvnw verify), which points it at deploy/local/target/dist");
        }
        return Path.of(dir);
    }

    /** The module's {@code target} folder when run by Maven, else the working directory. */
    static Path logDir() {
        return Path.of(System.getProperty("testkit.log.dir", "target"));
    }
}
