package org.prisonerregistry.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlindIndexTests {

    private static final IndexColumn NATIONAL_ID = new IndexColumn("detainee", "national_id_index");
    private static final IndexColumn NAME = new IndexColumn("detainee", "full_name_index");
    private static final IndexColumn DEFENDER_NAME = new IndexColumn("defender", "full_name_index");

    private final Keyring keyring = Keyring.generate();
    private final BlindIndex index = new BlindIndex(keyring);

    @Test
    void shouldGiveTheSameIndexForTheSameNormalisedValue() {
        assertThat(index.compute(NAME, "jose munoz")).isEqualTo(new BlindIndex(keyring).compute(NAME, "jose munoz"))
                .hasSize(BlindIndex.BYTES);
        assertThat(index.compute(NAME, "jose munoz")).isNotEqualTo(index.compute(NAME, "jose munos"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678-5", "12.345.678-5", "123456785", " 12 345 678 5 "})
    void shouldReduceADocumentNumberToItsLettersAndDigits(String spelling) {
        SearchNormaliser number = SearchNormaliser.documentNumber();

        assertThat(number.normalise(spelling)).contains("123456785");
        assertThat(index.of(NATIONAL_ID, number, spelling)).get().isEqualTo(index.compute(NATIONAL_ID, "123456785"));
    }

    @Test
    void shouldUpperCaseLettersAndRejectADocumentNumberWithoutAny() {
        SearchNormaliser number = SearchNormaliser.documentNumber();

        assertThat(number.normalise("24000013-k")).contains("24000013K");
        assertThat(number.normalise("mp 123-456/ß")).contains("MP123456SS");
        assertThat(index.of(NATIONAL_ID, number, " -./ ")).isEmpty();
        assertThat(index.of(NATIONAL_ID, number, null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"José Muñoz, jose munoz", "JOSE MUNOZ, jose munoz", "  josé   MUÑOZ\t, jose munoz",
            "Ángela Peña-Ñúñez, angela pena-nunez"})
    void shouldFoldCaseAccentsAndWhitespaceInNames(String spelling, String normal) {
        SearchNormaliser name = SearchNormaliser.personName();

        assertThat(name.normalise(spelling)).contains(normal);
        assertThat(index.matches(NAME, name, spelling, index.compute(NAME, normal))).isTrue();
    }

    @Test
    void shouldFoldDecomposedAndComposedAccentsAlike() {
        SearchNormaliser name = SearchNormaliser.personName();

        assertThat(name.normalise("Jose\u0301")).isEqualTo(name.normalise("Jos\u00e9"));
    }

    @Test
    void shouldGiveDifferentIndexesInDifferentColumnsAndKeyrings() {
        assertThat(index.compute(NAME, "jose munoz")).isNotEqualTo(index.compute(DEFENDER_NAME, "jose munoz"));
        assertThat(index.compute(NAME, "jose munoz")).isNotEqualTo(new BlindIndex(Keyring.generate()).compute(NAME, "jose munoz"));
    }

    @Test
    void shouldSurviveMasterKeyRotation() {
        assertThat(new BlindIndex(keyring.withNewMasterKey()).compute(NAME, "jose munoz"))
                .isEqualTo(index.compute(NAME, "jose munoz"));
    }
}
