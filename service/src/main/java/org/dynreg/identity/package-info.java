/**
 * Identity verification against the national identity authority, behind a port
 * ({@link org.dynreg.identity.IdentityAuthority}). The service ships a simulated adapter that can be
 * told to accept, reject or time out for a national id, for training sites and tests.
 */
package org.dynreg.identity;
