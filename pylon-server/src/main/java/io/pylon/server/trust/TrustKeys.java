package io.pylon.server.trust;

import io.pylon.domain.trust.MerkleHash;
import io.pylon.domain.trust.SignedTreeHead;
import io.pylon.domain.trust.TreeHead;
import io.pylon.domain.trust.TreeHeadSigner;
import io.pylon.server.config.PylonProperties;
import io.pylon.server.config.SecretFiles;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.springframework.stereotype.Component;

/**
 * The platform's tree-head signing key: Ed25519, made from a 32-byte seed created on first start in
 * {@code <data dir>/transparency-ed25519.seed} (owner-only, see {@link SecretFiles}). Every node of a cluster must
 * share that file. Signing uses the JDK; Bouncy Castle only derives the public key from the seed, which the JDK
 * cannot do.
 */
@Component
public class TrustKeys implements TreeHeadSigner {

    /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410): the 32 raw key bytes follow. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    @org.springframework.beans.factory.annotation.Autowired
    public TrustKeys(PylonProperties properties) {
        this(Base64.getDecoder().decode(SecretFiles.loadOrCreate(
                properties.dataDir().resolve("transparency-ed25519.seed"), "transparency signing key")));
    }

    TrustKeys(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalStateException("The transparency signing seed must be 32 bytes, found " + seed.length);
        }
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            this.privateKey = ed.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
            System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
            System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
            this.publicKey = ed.generatePublic(new X509EncodedKeySpec(spki));
            this.keyId = keyIdOf(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make the Ed25519 key", e);
        }
    }

    /** First 16 hex digits of SHA-256 over the key's X.509 encoding. */
    public static String keyIdOf(PublicKey key) {
        try {
            return MerkleHash.hex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SignedTreeHead sign(TreeHead head) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(privateKey);
            ed.update(head.signedBytes());
            return new SignedTreeHead(head, keyId, ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a tree head", e);
        }
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /** The public key as PEM text (what the API publishes). */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
