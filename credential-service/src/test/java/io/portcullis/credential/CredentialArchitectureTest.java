package io.portcullis.credential;

import io.portcullis.testkit.ArchitectureContract;

/** credential-service keeps the suite's layering (see {@link ArchitectureContract}). */
class CredentialArchitectureTest extends ArchitectureContract {
}
