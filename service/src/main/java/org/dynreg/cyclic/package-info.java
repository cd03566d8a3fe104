/** Cyclic update: the periodic re-survey a household may ask for once its update window opens. */
package org.dynreg.cyclic;
