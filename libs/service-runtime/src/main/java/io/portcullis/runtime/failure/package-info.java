/** Infrastructure failures callers see: no answer in time, a part of the platform out of reach. */
package io.portcullis.runtime.failure;
