package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The sealer's frontier against the full RFC 6962 tree, at every size up to 300 and across a pack/unpack. */
class TreeFrontierTests {

    @Test
    void shouldHaveTheRootOfTheFullTreeAtEverySize() {
        MerkleTree tree = new MerkleTree();
        TreeFrontier frontier = TreeFrontier.empty();
        assertThat(frontier.root()).isEqualTo(tree.root());
        for (int i = 0; i < 300; i++) {
            TreeHash leaf = MerkleTree.leafHash(ByteBuffer.allocate(4).putInt(i).array());
            tree.append(leaf);
            frontier = TreeFrontier.unpack(frontier.size(), frontier.pack()); // as each sealing transaction reads it
            frontier.append(leaf);
            assertThat(frontier.size()).isEqualTo(tree.size());
            assertThat(frontier.root()).as("root at size " + tree.size()).isEqualTo(tree.root());
        }
    }

    @Test
    void shouldRefuseAStoredFrontierThatDoesNotFitItsSize() {
        assertThatThrownBy(() -> TreeFrontier.unpack(3, new byte[32])).isInstanceOf(IllegalStateException.class);
    }
}
