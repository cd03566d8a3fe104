package org.dynreg.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The few htmx headers the pages use (https://htmx.org/reference/#headers). */
public final class Htmx {
    private Htmx() {
    }

    /** A request made by htmx for part of a page, not a whole page. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** Puts the answer into another element of the page than the one that asked. */
    public static void retarget(HttpServletResponse response, String selector) {
        response.setHeader("HX-Retarget", selector);
        response.setHeader("HX-Reswap", "innerHTML");
    }

    /** Tells the page that something changed, so that parts listening for the event reload themselves. */
    public static void trigger(HttpServletResponse response, String event) {
        response.setHeader("HX-Trigger", event);
    }
}
