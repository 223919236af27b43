package org.prisonerregistry.legal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChileanCaseNumbersTests {

    @ParameterizedTest
    @CsvSource({"1910012345-6, 1910012345-6", "' 2000123456-k ', 2000123456-K", "1234567-0, 1234567-0"})
    void shouldAcceptARucOfTheRightShapeInUpperCase(String given, String normal) {
        assertThat(ChileanCaseNumbers.ruc(given)).contains(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456-7", "12345678901-2", "1910012345", "1910012345-X", "19.100.123-4", ""})
    void shouldRejectARucOfAnotherShape(String given) {
        assertThat(ChileanCaseNumbers.ruc(given)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"O-1234-2020, O-1234-2020", "o-1-2019, O-1-2019", "RUC-123456-2021, RUC-123456-2021",
            "'RIT  1234-2020', RIT 1234-2020", "rit 98-2019, RIT 98-2019"})
    void shouldAcceptARitWithOrWithoutTheProcedureLetter(String given, String normal) {
        assertThat(ChileanCaseNumbers.rit(given)).contains(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234-2020", "O-1234-20", "ABCD-1-2020", "O-1234567-2020", "O 1234 2020", "RIT O-1-2020"})
    void shouldRejectARitOfAnotherShape(String given) {
        assertThat(ChileanCaseNumbers.rit(given)).isEmpty();
    }
}
