package io.portcullis.authz.model;

/**
 * A policy that applies to a principal, and how: its type ({@code identity}, {@code boundary}, {@code scp},
 * {@code rcp}), its name (an ARN, an inline policy's name, or an Organizations policy id), its version (managed
 * policies only: an identity policy without one is inline), how it reaches the principal ({@code direct},
 * {@code group Devs}, {@code boundary}, {@code scp ou-…}), and its document.
 */
public record PolicyInForce(String policyType, String policy, String version, String attachedThrough, String document) {
}
