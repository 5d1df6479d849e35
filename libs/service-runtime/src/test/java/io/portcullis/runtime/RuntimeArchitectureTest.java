package io.portcullis.runtime;

import io.portcullis.testkit.ArchitectureContract;

/** The runtime, and the libraries under it, keep the suite's layering (see {@link ArchitectureContract}). */
class RuntimeArchitectureTest extends ArchitectureContract {
}
