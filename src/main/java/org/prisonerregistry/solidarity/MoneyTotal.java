package org.prisonerregistry.solidarity;

import java.math.BigDecimal;

/** The sum of a detainee's disbursements in one currency and category; amounts in different currencies never mix. */
public record MoneyTotal(String currency, DisbursementCategory category, BigDecimal amount) {}
