/**
 * Synthetic registries: households drawn, deterministically for a seed, from the registry's published
 * figures (households per region, household size, housing, water, electricity, schooling, literacy,
 * disability, sanitation, chronic disease, livestock, employment), written straight into the registry's
 * tables in bulk. For tests, training installations and benchmarks; docs/decisions/0018-synthetic-registry.md.
 */
package org.dynreg.synthetic;
