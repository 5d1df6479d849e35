/** The pure policies of one account: commands, events, state and the decider, deciding on identity-service's facts. */
package io.portcullis.policy.domain;
