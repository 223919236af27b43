package org.prisonerregistry.detainee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChileanRutTests {

    @ParameterizedTest
    @CsvSource({
            "12.345.678-5, 12345678-5",
            "12345678-5, 12345678-5",
            "123456785, 12345678-5",
            "11.111.111-1, 11111111-1",
            "7.654.321-6, 7654321-6",
            "24.000.013-k, 24000013-K",
            "10.000.004-0, 10000004-0",
    })
    void shouldAcceptUsualSpellingsAndReturnTheNormalForm(String given, String normal) {
        assertThat(ChileanRut.normalise(given)).contains(normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-6", "12345678-K", "1234567890-1", "12.345.678", "abc", "", "12-345-678-5"})
    void shouldRejectWrongCheckDigitsAndMalformedText(String given) {
        assertThat(ChileanRut.normalise(given)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"12345678, 5", "24000013, K", "10000004, 0"})
    void shouldComputeTheModulo11CheckDigit(String body, char digit) {
        assertThat(ChileanRut.checkDigit(body)).isEqualTo(digit);
    }
}
