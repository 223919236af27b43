package org.prisonerregistry.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only Merkle tree as defined in RFC 6962 section 2.1: roots of any prefix, inclusion
 * proofs and consistency proofs.
 *
 * <p>Besides the leaf hashes it keeps the hash of every complete, aligned subtree of 2^k leaves
 * (at most one more hash per leaf in total), so that the root of any prefix and every proof cost
 * O(log n) hashes instead of rehashing the whole log: the verifier asks for the root at every
 * checkpoint size of a long log.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** levels.get(k).get(i) is the hash of leaves [i * 2^k, (i + 1) * 2^k). */
    private final List<List<TreeHash>> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    /** A tree over the given leaf hashes, in order. */
    public static MerkleTree ofLeafHashes(List<TreeHash> leafHashes) {
        MerkleTree tree = new MerkleTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    /** RFC 6962: MTH({d}) = SHA-256(0x00 || d). */
    public static TreeHash leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return new TreeHash(sha256.digest());
    }

    /** RFC 6962: SHA-256(0x01 || left || right). */
    public static TreeHash nodeHash(TreeHash left, TreeHash right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        left.writeTo(sha256);
        right.writeTo(sha256);
        return new TreeHash(sha256.digest());
    }

    /** RFC 6962: the hash of an empty tree is the hash of the empty string. */
    public static TreeHash emptyRoot() {
        return new TreeHash(sha256().digest());
    }

    /** Adds a leaf (already hashed with {@link #leafHash}) and returns its index. */
    public long append(TreeHash leafHash) {
        long index = size();
        levels.getFirst().add(leafHash);
        // Each time a level gains its second, fourth, ... hash, a subtree one level up is complete.
        for (int level = 0; levels.get(level).size() % 2 == 0; level++) {
            List<TreeHash> hashes = levels.get(level);
            TreeHash parent = nodeHash(hashes.get(hashes.size() - 2), hashes.getLast());
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(parent);
        }
        return index;
    }

    public long size() {
        return levels.getFirst().size();
    }

    public TreeHash leaf(long index) {
        return levels.getFirst().get(Math.toIntExact(index));
    }

    /** The root of the whole tree. */
    public TreeHash root() {
        return root(size());
    }

    /** MTH(D[0:size]): the root the tree had when it held {@code size} leaves. */
    public TreeHash root(long size) {
        checkSize(size);
        return size == 0 ? emptyRoot() : subtreeHash(0, size);
    }

    /** PATH(index, D[0:size]) of RFC 6962 section 2.1.1. */
    public List<TreeHash> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Leaf " + index + " is not in a tree of size " + size);
        }
        List<TreeHash> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** PROOF(oldSize, D[0:newSize]) of RFC 6962 section 2.1.2. */
    public List<TreeHash> consistencyProof(long oldSize, long newSize) {
        checkSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("No consistency proof from size " + oldSize + " to " + newSize);
        }
        List<TreeHash> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long n, List<TreeHash> proof) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, k, proof);
            proof.add(subtreeHash(start + k, n - k));
        } else {
            path(index - k, start + k, n - k, proof);
            proof.add(subtreeHash(start, k));
        }
    }

    private void subproof(long m, long start, long n, boolean wholeOldTree, List<TreeHash> proof) {
        if (m == n) {
            if (!wholeOldTree) {
                proof.add(subtreeHash(start, n));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, wholeOldTree, proof);
            proof.add(subtreeHash(start + k, n - k));
        } else {
            subproof(m - k, start + k, n - k, false, proof);
            proof.add(subtreeHash(start, k));
        }
    }

    /** MTH(D[start:start+n]); the recursion only ever asks for ranges RFC 6962 splits into. */
    private TreeHash subtreeHash(long start, long n) {
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(Math.toIntExact(start >> level));
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeHash(start, k), subtreeHash(start + k, n - k));
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("The tree holds " + size() + " leaves, not " + size);
        }
    }

    /** The largest power of two strictly smaller than n (n >= 2), the split point of RFC 6962. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
