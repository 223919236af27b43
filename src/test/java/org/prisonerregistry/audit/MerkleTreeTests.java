package org.prisonerregistry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerkleTreeTests {

    // The certificate-transparency reference test data, as published in
    // github.com/transparency-dev/merkle (testonly/constants.go: LeafInputs, RootHashes, NodeHashes;
    // testonly/reference_test.go: TestRefInclusionProof; proof/verify_test.go: consistencyProofs),
    // which carries over the vectors of the original CT C++ merkle_tree_test.cc.
    private static final List<String> LEAF_INPUTS = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // empty tree
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    /** (leaf index, tree size) to the audit path, 0-based as in reference_test.go. */
    private static final Map<List<Long>, List<String>> INCLUSION_PROOFS = Map.of(
            List.of(0L, 1L), List.of(),
            List.of(0L, 2L), List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            List.of(1L, 2L), List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            List.of(2L, 3L), List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            List.of(1L, 5L), List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            List.of(0L, 8L), List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(5L, 8L), List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
    /** (old size, new size) to the consistency proof. */
    private static final Map<List<Long>, List<String>> CONSISTENCY_PROOFS = Map.of(
            List.of(1L, 1L), List.of(),
            List.of(1L, 8L), List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of(6L, 8L), List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            List.of(2L, 5L), List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

    @Test
    void shouldReproduceTheReferenceRootOfEveryPrefix() {
        MerkleTree tree = referenceTree();
        for (int size = 0; size <= LEAF_INPUTS.size(); size++) {
            assertThat(tree.root(size)).as("root of size %d", size).isEqualTo(TreeHash.ofHex(ROOTS.get(size)));
        }
    }

    @Test
    void shouldReproduceAndAcceptTheReferenceInclusionProofs() {
        MerkleTree tree = referenceTree();
        INCLUSION_PROOFS.forEach((at, expected) -> {
            long index = at.get(0);
            long size = at.get(1);
            List<TreeHash> proof = tree.inclusionProof(index, size);
            assertThat(proof).as("path %s", at).isEqualTo(hashes(expected));
            assertThat(MerkleProofs.verifyInclusion(index, size, tree.leaf(index), proof, tree.root(size))).isTrue();
        });
    }

    @Test
    void shouldReproduceAndAcceptTheReferenceConsistencyProofs() {
        MerkleTree tree = referenceTree();
        CONSISTENCY_PROOFS.forEach((sizes, expected) -> {
            long oldSize = sizes.get(0);
            long newSize = sizes.get(1);
            List<TreeHash> proof = tree.consistencyProof(oldSize, newSize);
            assertThat(proof).as("proof %s", sizes).isEqualTo(hashes(expected));
            assertThat(MerkleProofs.verifyConsistency(oldSize, newSize, tree.root(oldSize), tree.root(newSize), proof))
                    .isTrue();
        });
    }

    @Test
    void shouldProveEveryLeafAndEveryPrefixOfLargerTreesAndRejectAlteredProofs() {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 70; i++) {
            tree.append(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        for (long size = 1; size <= tree.size(); size++) {
            TreeHash root = tree.root(size);
            assertThat(root).isEqualTo(recursiveRoot(tree, 0, size));
            for (long index = 0; index < size; index++) {
                List<TreeHash> proof = tree.inclusionProof(index, size);
                assertThat(MerkleProofs.verifyInclusion(index, size, tree.leaf(index), proof, root)).isTrue();
                assertThat(MerkleProofs.verifyInclusion(index, size, tree.leaf((index + 1) % size), proof, root))
                        .isEqualTo(size == 1);
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(index, size, tree.leaf(index), flipFirst(proof), root)).isFalse();
                }
            }
            for (long oldSize = 1; oldSize <= size; oldSize++) {
                List<TreeHash> proof = tree.consistencyProof(oldSize, size);
                TreeHash oldRoot = tree.root(oldSize);
                assertThat(MerkleProofs.verifyConsistency(oldSize, size, oldRoot, root, proof)).isTrue();
                if (oldSize < size) {
                    assertThat(MerkleProofs.verifyConsistency(oldSize, size, oldRoot, root, flipFirst(proof))).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(oldSize, size, root, root, proof)).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(oldSize, size, oldRoot, oldRoot, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void shouldRejectProofsForLeavesOutsideTheTree() {
        MerkleTree tree = referenceTree();
        assertThat(MerkleProofs.verifyInclusion(8, 8, tree.leaf(0), List.of(), tree.root())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(9, 8, tree.root(), tree.root(), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(4, 8, tree.root(4), tree.root(), List.of())).isFalse();
    }

    /** MTH written straight from RFC 6962 section 2.1, to check the cached version against. */
    private static TreeHash recursiveRoot(MerkleTree tree, long start, long n) {
        if (n == 1) {
            return tree.leaf(start);
        }
        long k = Long.highestOneBit(n - 1);
        return MerkleTree.nodeHash(recursiveRoot(tree, start, k), recursiveRoot(tree, start + k, n - k));
    }

    private static List<TreeHash> flipFirst(List<TreeHash> proof) {
        List<TreeHash> altered = new ArrayList<>(proof);
        byte[] first = altered.getFirst().bytes();
        first[0] ^= 8;
        altered.set(0, new TreeHash(first));
        return altered;
    }

    private static MerkleTree referenceTree() {
        MerkleTree tree = new MerkleTree();
        LEAF_INPUTS.forEach(hex -> tree.append(MerkleTree.leafHash(HexFormat.of().parseHex(hex))));
        return tree;
    }

    private static List<TreeHash> hashes(List<String> hex) {
        return hex.stream().map(TreeHash::ofHex).toList();
    }
}
