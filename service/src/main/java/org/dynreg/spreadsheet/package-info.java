/**
 * What the service's .xlsx reports share (the what-if and budget workbooks, the indicator report):
 * sheets that print one page wide, and bar charts that read their bars from a table on the sheet.
 */
package org.dynreg.spreadsheet;
