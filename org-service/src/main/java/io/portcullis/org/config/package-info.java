/** What org-service is told: AWS Organizations' quotas. */
package io.portcullis.org.config;
