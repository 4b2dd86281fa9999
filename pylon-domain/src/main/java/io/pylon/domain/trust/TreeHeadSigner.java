package io.pylon.domain.trust;

import java.security.PublicKey;

/** Port: the platform's signing key for tree heads (Ed25519). */
public interface TreeHeadSigner {

    SignedTreeHead sign(TreeHead head);

    PublicKey publicKey();

    String keyId();
}
