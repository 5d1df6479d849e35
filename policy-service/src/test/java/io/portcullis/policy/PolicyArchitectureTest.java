package io.portcullis.policy;

import io.portcullis.testkit.ArchitectureContract;

/** policy-service keeps the suite's layering (see {@link ArchitectureContract}). */
class PolicyArchitectureTest extends ArchitectureContract {
}
