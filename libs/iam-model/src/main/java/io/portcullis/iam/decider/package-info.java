/** The decider contract every service aggregate implements: decide(command, state, facts) → events or a rejection; evolve(state, event). */
package io.portcullis.iam.decider;
