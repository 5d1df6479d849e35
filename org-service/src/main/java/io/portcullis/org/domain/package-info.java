/** AWS Organizations as pure functions: the decider, its state, its rules and its read questions. */
package io.portcullis.org.domain;
