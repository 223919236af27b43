package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSignatureTests {

    static final String ORIGIN = "registry.example.org/audit";

    @TempDir
    Path dataDir;

    @Test
    void shouldWriteTheCheckpointTextInTheTlogCheckpointFormat() {
        TreeHash root = TreeHash.ofBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        Checkpoint checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, root);
        // the example of c2sp.org/tlog-checkpoint
        assertThat(checkpoint.text()).isEqualTo("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.parse("example.com/x\n012\n" + root.base64() + "\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("example.com/x\n12\n" + root.base64())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("two words", 1, root)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSignANoteThatVerifiesAndNamesTheKeyByItsSignedNoteKeyId() throws Exception {
        AuditSigningKey key = newKey();
        CheckpointSigner signer = new CheckpointSigner(key);
        Checkpoint checkpoint = signer.checkpoint(5, MerkleTree.leafHash(new byte[] {1}));
        String note = signer.sign(checkpoint);

        assertThat(note).startsWith(checkpoint.text() + "\n\u2014 " + ORIGIN + " ");
        byte[] signatureLine = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).strip());
        assertThat(signatureLine).hasSize(4 + 64);
        byte[] keyId = java.util.Arrays.copyOf(signatureLine, 4);
        assertThat(keyId).isEqualTo(key.noteKey().keyId());
        assertThat(key.noteKey().verifierKey()).startsWith(ORIGIN + "+" + java.util.HexFormat.of().formatHex(keyId) + "+");
        assertThat(new CheckpointVerifier(key.noteKey()).verify(note)).isEqualTo(checkpoint);
    }

    @Test
    void shouldComputeTheKeyIdAsSignedNoteDefinesIt() {
        AuditSigningKey key = newKey();
        var sha256 = MerkleTree.sha256();
        sha256.update((ORIGIN + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha256.update((byte) 0x01);
        sha256.update(Ed25519.raw(key.publicKey()));
        assertThat(key.noteKey().keyId()).isEqualTo(java.util.Arrays.copyOf(sha256.digest(), 4));
    }

    @Test
    void shouldRejectAnAlteredTextAForgedSignatureAnotherKeyAndAnUnsignedNote() throws Exception {
        AuditSigningKey key = newKey();
        CheckpointSigner signer = new CheckpointSigner(key);
        CheckpointVerifier verifier = new CheckpointVerifier(key.noteKey());
        String note = signer.sign(signer.checkpoint(7, MerkleTree.leafHash(new byte[] {7})));

        String alteredText = note.replaceFirst("\n7\n", "\n8\n");
        assertThatThrownBy(() -> verifier.verify(alteredText)).isInstanceOf(CheckpointRejectedException.class)
                .hasMessageContaining("does not verify");

        String impostorNote = new CheckpointSigner(newKey()).sign(signer.checkpoint(7, MerkleTree.leafHash(new byte[] {7})));
        assertThatThrownBy(() -> verifier.verify(impostorNote)).isInstanceOf(CheckpointRejectedException.class)
                .hasMessageContaining("no signature");

        String unsigned = note.substring(0, note.indexOf("\n\n") + 2);
        assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOf(CheckpointRejectedException.class);

        // a witness's cosignature from a key we do not know is ignored, as signed-note requires
        String cosigned = note + "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(new byte[68]) + "\n";
        assertThat(verifier.verify(cosigned).size()).isEqualTo(7);
    }

    @Test
    void shouldGenerateTheKeyOwnerOnlyOnceAndReadItBack() throws Exception {
        AuditSigningKey first = AuditSigningKeyFile.loadOrCreate(Optional.empty(), dataDir, ORIGIN);
        Path file = dataDir.resolve(AuditSigningKeyFile.DEFAULT_FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        AuditSigningKey again = AuditSigningKeyFile.loadOrCreate(Optional.empty(), dataDir, ORIGIN);
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.toString()).doesNotContain(Base64.getEncoder().encodeToString(first.privateKey().getEncoded()));
    }

    @Test
    void shouldReadAnOpensslEd25519KeyAndDeriveItsPublicKey() {
        // RFC 8032 section 7.1, TEST 1: this seed has public key d75a9801...511a as a PKCS#8 PEM (openssl genpkey layout)
        String pem = """
                -----BEGIN PRIVATE KEY-----
                MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
                -----END PRIVATE KEY-----
                """;
        Path file = dataDir.resolve("given.pem");
        writeOwnerOnly(file, pem);
        AuditSigningKey key = AuditSigningKeyFile.loadOrCreate(Optional.of(file), dataDir, ORIGIN);
        assertThat(java.util.HexFormat.of().formatHex(Ed25519.raw(key.publicKey())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void shouldRefuseAKeyFileOthersMayRead() throws Exception {
        AuditSigningKeyFile.loadOrCreate(Optional.empty(), dataDir, ORIGIN);
        Path file = dataDir.resolve(AuditSigningKeyFile.DEFAULT_FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> AuditSigningKeyFile.load(file, ORIGIN)).hasMessageContaining("chmod 600");
    }

    @Test
    void shouldRefuseAMissingConfiguredKeyFileInsteadOfGeneratingOne() {
        Path missing = dataDir.resolve("nowhere.pem");
        assertThatThrownBy(() -> AuditSigningKeyFile.loadOrCreate(Optional.of(missing), dataDir, ORIGIN))
                .isInstanceOf(java.io.UncheckedIOException.class);
        assertThat(dataDir.resolve(AuditSigningKeyFile.DEFAULT_FILE_NAME)).doesNotExist();
    }

    static AuditSigningKey newKey() {
        try {
            var pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new AuditSigningKey(ORIGIN, pair.getPrivate(), pair.getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
