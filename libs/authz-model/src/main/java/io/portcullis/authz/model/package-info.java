/**
 * The read model of effective permissions ({@link io.portcullis.authz.model.AuthzModel}): the services' events folded
 * into RocksDB, and AWS's decisions on it through the policy library.
 */
package io.portcullis.authz.model;
