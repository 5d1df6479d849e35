package io.portcullis.iam.decider;

/** The facts of a service that decides on its own state alone. */
public enum NoFacts {
    NONE
}
