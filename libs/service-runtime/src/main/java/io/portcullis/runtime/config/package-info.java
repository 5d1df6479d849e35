/** Typed configuration shared by every service. */
package io.portcullis.runtime.config;
