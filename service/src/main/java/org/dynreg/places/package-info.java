/**
 * Pakistan's administrative units: the reference list of provinces, districts and tehsils (shipped as
 * data with its source, {@code places/README.md}) that survey locations and shock declarations are
 * checked against, with other spellings and suggestions for a misspelt name. Facade: {@link org.dynreg.places.Places}.
 */
package org.dynreg.places;
