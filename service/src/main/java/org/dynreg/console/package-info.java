/**
 * The web console: server-rendered pages (Thymeleaf, htmx) for the people who work in the registry every day,
 * served by the same application as the API (docs/console.md, decision 31). Pages call the same facades as the
 * REST controllers and check the same roles; no page holds a rule of its own. This package holds what every page
 * shares: sign-in, the layout's navigation by role, the user's language, dates in the registry's zone, and
 * refusals shown as sentences. The pages themselves live in one sub-package per page family.
 */
package org.dynreg.console;
