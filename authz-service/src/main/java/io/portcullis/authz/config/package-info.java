/** What authz-service is told: where its model lives and how long freshness may take. */
package io.portcullis.authz.config;
