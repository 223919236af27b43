package org.prisonerregistry.keys;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages one GraphQL request opened values of. The request closes them all when it ends, which
 * overwrites their data keys: a key unwrapped for an answer lives as long as that answer is built.
 */
public final class OpenedPages implements AutoCloseable {

    private final Set<SealedPage> pages = ConcurrentHashMap.newKeySet();

    void hold(SealedPage page) {
        pages.add(page);
    }

    @Override
    public void close() {
        pages.forEach(SealedPage::close);
        pages.clear();
    }
}
