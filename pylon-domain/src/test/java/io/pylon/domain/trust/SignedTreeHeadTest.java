package io.pylon.domain.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignedTreeHeadTest {

    static SignedTreeHead sign(TreeHead head, KeyPair keys) throws Exception {
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(head.signedBytes());
        return new SignedTreeHead(head, "k", ed.sign());
    }

    @Test
    void aSignedHeadVerifiesAndAForgedOneDoesNot() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeHead head = new TreeHead(8, MerkleHash.unhex(MerkleTreeTest.ROOTS[8]), Instant.parse("2026-05-01T00:00:00Z"));
        SignedTreeHead sth = sign(head, keys);
        assertThat(sth.verify(keys.getPublic())).isTrue();
        assertThat(sth.verify(other.getPublic())).isFalse();
        // same signature, a bigger tree or another root: forged
        assertThat(new SignedTreeHead(new TreeHead(9, head.rootHash(), head.timestamp()), "k", sth.signature())
                .verify(keys.getPublic())).isFalse();
        assertThat(new SignedTreeHead(new TreeHead(8, MerkleHash.unhex(MerkleTreeTest.ROOTS[7]), head.timestamp()), "k",
                sth.signature()).verify(keys.getPublic())).isFalse();
        assertThat(new String(head.signedBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("pylon-tree-head-v1\n8\n" + MerkleTreeTest.ROOTS[8] + "\n1777593600000\n");
    }
}
