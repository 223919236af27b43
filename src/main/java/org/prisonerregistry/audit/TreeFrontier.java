package org.prisonerregistry.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of an RFC 6962 tree: the roots of its perfect subtrees, largest first, one per
 * set bit of its size. It is all a sealer needs to append leaves and sign the root, so sealing
 * costs O(log n) per event however long the log is, without reading the log back.
 */
final class TreeFrontier {

    private long size;
    private final List<TreeHash> peaks;

    private TreeFrontier(long size, List<TreeHash> peaks) {
        this.size = size;
        this.peaks = peaks;
    }

    static TreeFrontier empty() {
        return new TreeFrontier(0, new ArrayList<>());
    }

    /** The frontier as stored beside the head: the peaks' 32 bytes each, concatenated. */
    static TreeFrontier unpack(long size, byte[] packed) {
        if (size < 0 || packed.length != TreeHash.LENGTH * Long.bitCount(size)) {
            throw new IllegalStateException("The stored tree frontier does not fit a tree of " + size + " leaves");
        }
        List<TreeHash> peaks = new ArrayList<>();
        for (int offset = 0; offset < packed.length; offset += TreeHash.LENGTH) {
            peaks.add(new TreeHash(java.util.Arrays.copyOfRange(packed, offset, offset + TreeHash.LENGTH)));
        }
        return new TreeFrontier(size, peaks);
    }

    byte[] pack() {
        byte[] packed = new byte[peaks.size() * TreeHash.LENGTH];
        for (int i = 0; i < peaks.size(); i++) {
            System.arraycopy(peaks.get(i).bytes(), 0, packed, i * TreeHash.LENGTH, TreeHash.LENGTH);
        }
        return packed;
    }

    /** Adds a leaf: like a binary counter, each carry merges two equal perfect subtrees. */
    void append(TreeHash leafHash) {
        TreeHash carry = leafHash;
        for (long bits = size; (bits & 1) == 1; bits >>= 1) {
            carry = MerkleTree.nodeHash(peaks.removeLast(), carry);
        }
        peaks.add(carry);
        size++;
    }

    long size() {
        return size;
    }

    /** MTH of the whole tree: RFC 6962 splits at the largest power of two, so the peaks fold from the right. */
    TreeHash root() {
        if (size == 0) {
            return MerkleTree.emptyRoot();
        }
        TreeHash root = peaks.getLast();
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(peaks.get(i), root);
        }
        return root;
    }
}
