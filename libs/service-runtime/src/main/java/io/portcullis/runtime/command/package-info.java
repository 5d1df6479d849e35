/** The command runtime: commands to the partition writer, decisions in Kafka transactions, replies. */
package io.portcullis.runtime.command;
