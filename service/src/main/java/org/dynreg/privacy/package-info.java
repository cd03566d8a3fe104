/**
 * Personal data kept out of the logs: the mask of national ids, mobile numbers and database-echoed values
 * ({@link org.dynreg.privacy.PersonalDataMask}), the logback conversion words that apply it to every message and
 * exception ({@link org.dynreg.privacy.MaskingConverters}), and the loggers that dump values, kept silent below
 * INFO ({@link org.dynreg.privacy.ValueDumpingLoggers}); configured in {@code logback-personal-data.xml}. Who sees
 * which personal field is {@code security.Caller}; who read it, {@code audit.PersonalDataReads}
 * (docs/personal-data.md).
 */
package org.dynreg.privacy;
