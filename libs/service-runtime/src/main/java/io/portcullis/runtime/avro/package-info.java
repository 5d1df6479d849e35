/** Events to and from their registered Avro form: the serde, the datum provider, and the mapping to domain records. */
package io.portcullis.runtime.avro;
