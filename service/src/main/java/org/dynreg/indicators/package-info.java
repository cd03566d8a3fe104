/**
 * The registry's thematic indicators (housing, water, electricity, schooling, literacy, disability,
 * sanitation, chronic disease, livestock, employment, household size): their definitions in terms of
 * survey answers, the figures the annual report published, and reports recomputing them from a registry.
 */
package org.dynreg.indicators;
