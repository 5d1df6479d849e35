/** The pure identity directory of one account: users, groups and membership as commands, events, state and the decider that enforces IAM's rules. */
package io.portcullis.identity.domain;
