package io.portcullis.authz;

import io.portcullis.testkit.ArchitectureContract;

/** authz-service keeps the suite's layering (see {@link ArchitectureContract}). */
class AuthzArchitectureTest extends ArchitectureContract {
}
