package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: notes appended one after another read back one by one, and a torn write left for the verifier to reject. */
class CheckpointFileTests {

    private final AuditSigningKey key = CheckpointSignatureTests.newKey();
    private final CheckpointSigner signer = new CheckpointSigner(key);
    private final CheckpointVerifier verifier = new CheckpointVerifier(key.noteKey());

    @TempDir
    Path dir;

    @Test
    void shouldReadBackEveryAppendedNoteThatVerifies() throws Exception {
        CheckpointFile file = new CheckpointFile(dir.resolve("sub/checkpoints.txt"));
        assertThat(file.readNotes()).isEmpty();
        String first = signer.sign(signer.checkpoint(5, MerkleTree.leafHash(new byte[] {5})));
        String second = signer.sign(signer.checkpoint(10, MerkleTree.leafHash(new byte[] {10})));
        file.append(first);
        file.append(second);

        assertThat(file.readNotes()).containsExactly(first, second);
        assertThat(verifier.verify(file.readNotes().get(1)).size()).isEqualTo(10);
    }

    @Test
    void shouldKeepATornNoteForTheVerifierToReject() throws Exception {
        CheckpointFile file = new CheckpointFile(dir.resolve("checkpoints.txt"));
        String note = signer.sign(signer.checkpoint(5, MerkleTree.leafHash(new byte[] {5})));
        file.append(note);
        Files.writeString(file.path(), note.substring(0, 20), java.nio.file.StandardOpenOption.APPEND);

        assertThat(file.readNotes()).hasSize(2).first().isEqualTo(note);
        AuditVerdict verdict = new AuditVerifier(verifier).verify(java.util.List.of(), java.util.List.of(), file.readNotes());
        assertThat(verdict.firstProblem()).hasValueSatisfying(p -> assertThat(p.place()).isEqualTo(AuditProblem.Place.EXTERNAL_CHECKPOINT));
    }
}
