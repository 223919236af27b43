package org.prisonerregistry.audit;

import java.util.List;

/**
 * Checks RFC 6962 inclusion and consistency proofs without the tree, as a witness holding only
 * checkpoints would. The algorithms are those of RFC 9162 sections 2.1.3.2 and 2.1.4.2, which
 * verify the proofs RFC 6962 section 2.1 defines.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Whether {@code proof} shows that {@code leafHash} is leaf {@code index} of the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long index, long size, TreeHash leafHash, List<TreeHash> proof, TreeHash root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        TreeHash r = leafHash;
        for (TreeHash p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.equals(root);
    }

    /** Whether {@code proof} shows that the tree of {@code newSize} with {@code newRoot} extends the one of {@code oldSize} with {@code oldRoot}. */
    public static boolean verifyConsistency(long oldSize, long newSize, TreeHash oldRoot, TreeHash newRoot,
                                            List<TreeHash> proof) {
        if (oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && oldRoot.equals(newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty(); // the empty tree is a prefix of every tree
        }
        if (proof.isEmpty()) {
            return false;
        }
        // When the old tree is a complete subtree of the new one, its root is the proof's implicit first node.
        List<TreeHash> path = Long.bitCount(oldSize) == 1 ? prepend(oldRoot, proof) : proof;
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        TreeHash fr = path.getFirst();
        TreeHash sr = path.getFirst();
        for (TreeHash c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.equals(oldRoot) && sr.equals(newRoot);
    }

    private static List<TreeHash> prepend(TreeHash first, List<TreeHash> rest) {
        java.util.ArrayList<TreeHash> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
