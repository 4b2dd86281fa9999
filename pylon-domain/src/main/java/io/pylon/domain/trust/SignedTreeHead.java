package io.pylon.domain.trust;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/**
 * A tree head signed with the platform's Ed25519 key ({@code keyId} = first 16 hex digits of SHA-256 of the
 * public key's X.509 SubjectPublicKeyInfo encoding).
 */
public record SignedTreeHead(TreeHead head, String keyId, byte[] signature) {

    public SignedTreeHead {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Whether the signature is the given key's over {@link TreeHead#signedBytes()}. */
    public boolean verify(PublicKey key) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(head.signedBytes());
            return ed.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
