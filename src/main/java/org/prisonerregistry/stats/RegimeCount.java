package org.prisonerregistry.stats;

import org.prisonerregistry.detention.Regime;

/** How many people of one country are in one current regime, before disclosure control. */
record RegimeCount(String country, Regime regime, int people) {}
