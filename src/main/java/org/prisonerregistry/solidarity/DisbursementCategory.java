package org.prisonerregistry.solidarity;

/** What a payment was for. */
public enum DisbursementCategory {
    LAWYER_FEES, FINES_AND_BONDS, LABORATORY_ANALYSIS, EXPERT_REPORTS, BASIC_NEEDS, HEALTH, FAMILY_TRAVEL, OTHER
}
