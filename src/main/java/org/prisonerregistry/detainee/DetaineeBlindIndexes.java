package org.prisonerregistry.detainee;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.prisonerregistry.crypto.IndexColumn;
import org.prisonerregistry.crypto.SearchNormaliser;
import org.prisonerregistry.keys.FieldSealing;

/**
 * The blind indexes that let a detainee be found by exact national ID or name without decrypting
 * anything: what the repository stores on every write, what the seeder loads, and what a lookup
 * searches for. A hit is only a candidate; {@link #sameNationalId} and {@link #isNamed} re-check it
 * against the decrypted values.
 *
 * <p>The national ID is indexed together with its kind ({@code CL_RUT:123456785}), so the same
 * number on two kinds of document does not collide; a lookup, which names no kind, searches every kind.
 */
public final class DetaineeBlindIndexes {

    static final IndexColumn NATIONAL_ID = new IndexColumn("detainee", "national_id");
    /** The full name and every alias, under one column, so a person is found by any of their names. */
    static final IndexColumn NAME = new IndexColumn("detainee", "name");

    private static final SearchNormaliser NUMBER = SearchNormaliser.documentNumber();
    private static final SearchNormaliser PERSON_NAME = SearchNormaliser.personName();

    private final FieldSealing sealing;

    public DetaineeBlindIndexes(FieldSealing sealing) {
        this.sealing = Objects.requireNonNull(sealing, "sealing");
    }

    /** The stored index of a document whose number is in normal form (a RUT as ChileanRut makes it). */
    public Optional<byte[]> nationalId(NationalIdKind kind, String number) {
        return sealing.blindIndex(NATIONAL_ID, ofKind(kind), number);
    }

    /**
     * Every index a searched document number could be stored under: as a RUT, if it is a valid one
     * in any usual spelling, and as a number of each other kind.
     */
    List<byte[]> nationalIdCandidates(String text) {
        List<byte[]> candidates = new ArrayList<>();
        ChileanRut.normalise(text).flatMap(rut -> nationalId(NationalIdKind.CL_RUT, rut)).ifPresent(candidates::add);
        for (NationalIdKind kind : NationalIdKind.values()) {
            if (kind != NationalIdKind.CL_RUT) {
                nationalId(kind, text).ifPresent(candidates::add);
            }
        }
        return candidates;
    }

    /** Whether a decrypted document is the one searched for, compared in normal form. */
    static boolean sameNationalId(NationalId stored, String text) {
        if (stored == null) {
            return false;
        }
        Optional<String> searched = stored.kind() == NationalIdKind.CL_RUT ? ChileanRut.normalise(text) : Optional.of(text);
        Optional<String> normal = searched.flatMap(NUMBER::normalise);
        return normal.isPresent() && normal.equals(NUMBER.normalise(stored.number()));
    }

    /** The distinct indexes of the full name and the aliases, as stored in {@code detainee_name_index}. */
    public List<byte[]> names(String fullName, List<String> aliases) {
        Set<ByteBuffer> distinct = new LinkedHashSet<>();
        Stream.concat(Stream.of(fullName), aliases.stream())
                .map(this::name)
                .flatMap(Optional::stream)
                .forEach(index -> distinct.add(ByteBuffer.wrap(index)));
        return distinct.stream().map(ByteBuffer::array).toList();
    }

    /** The index of a searched name; empty when nothing is left of it after folding. */
    Optional<byte[]> name(String text) {
        return sealing.blindIndex(NAME, PERSON_NAME, text);
    }

    /** Whether the full name or an alias, opened here, is the searched name, case and accents folded. */
    static boolean isNamed(Detainee detainee, String text) {
        Optional<String> searched = PERSON_NAME.normalise(text);
        if (searched.isEmpty()) {
            return false;
        }
        List<String> aliases = detainee.aliases().open();
        return Stream.concat(Stream.of(detainee.fullName().open()), aliases == null ? Stream.empty() : aliases.stream())
                .map(PERSON_NAME::normalise)
                .anyMatch(searched::equals);
    }

    private static SearchNormaliser ofKind(NationalIdKind kind) {
        return raw -> NUMBER.normalise(raw).map(number -> kind.name() + ":" + number);
    }
}
