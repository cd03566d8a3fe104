package org.dynreg.synthetic;

/** The published figures a synthetic household is drawn from, by the indicator and measure names of the report. */
enum Measure {
    KACHA("kacha_housing", "kacha"),
    SAFE_WATER("safe_water", "safe"),
    ELECTRICITY("electricity", "access"),
    OUT_OF_SCHOOL_MALE("out_of_school", "male"),
    OUT_OF_SCHOOL_FEMALE("out_of_school", "female"),
    OUT_OF_SCHOOL_TOTAL("out_of_school", "total"),
    LITERATE_MALE("literacy", "male"),
    LITERATE_FEMALE("literacy", "female"),
    LITERATE_TRANSGENDER("literacy", "transgender"),
    DISABILITY("disability", "households"),
    FORMAL_LATRINE("sanitation", "formal_latrine"),
    OPEN_DEFECATION("sanitation", "open_defecation"),
    CHRONIC_DISEASE("chronic_disease", "households"),
    LIVESTOCK("livestock", "owns"),
    EMPLOYED_MALE("employment", "male"),
    EMPLOYED_FEMALE("employment", "female"),
    EMPLOYED_TOTAL("employment", "total");

    final String indicator;
    final String measure;

    Measure(String indicator, String measure) {
        this.indicator = indicator;
        this.measure = measure;
    }
}
