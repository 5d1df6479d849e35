package io.portcullis.identity;

import io.portcullis.testkit.ArchitectureContract;

/** identity-service keeps the suite's layering (see {@link ArchitectureContract}). */
class IdentityArchitectureTest extends ArchitectureContract {
}
