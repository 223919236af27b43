package org.prisonerregistry.crypto;

import java.util.Objects;

/** The column a blind index is kept for; each gets its own HMAC key, so equal values in two columns do not link. */
public record IndexColumn(String table, String column) {

    public IndexColumn {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }
}
