/** The {@code validate} and {@code simulate} commands: JSON in, JSON out, no service needed. */
package io.portcullis.policylang.cli;
