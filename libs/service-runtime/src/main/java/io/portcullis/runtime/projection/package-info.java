/** Read models built from event topics, and the consistency a read asks for. */
package io.portcullis.runtime.projection;
