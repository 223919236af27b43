package org.prisonerregistry.detainee;

import java.time.LocalDate;

/** Age bands used instead of exact ages, which single people out. */
public enum AgeBand {
    UNDER_18, FROM_18_TO_24, FROM_25_TO_34, FROM_35_TO_49, FROM_50_TO_64, FROM_65, UNKNOWN;

    /** The band of someone born in {@code birthYear}, as of {@code today}; age counted in whole years by year. */
    public static AgeBand of(Integer birthYear, LocalDate today) {
        if (birthYear == null) {
            return UNKNOWN;
        }
        int age = today.getYear() - birthYear;
        if (age < 18) {
            return UNDER_18;
        } else if (age < 25) {
            return FROM_18_TO_24;
        } else if (age < 35) {
            return FROM_25_TO_34;
        } else if (age < 50) {
            return FROM_35_TO_49;
        } else if (age < 65) {
            return FROM_50_TO_64;
        }
        return FROM_65;
    }
}
