package org.dynreg.console;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What the layout of every page needs: the pages the user's roles open, and the direction of the language. */
@ControllerAdvice(basePackages = "org.dynreg.console")
class ConsoleModel {

    @ModelAttribute("pages")
    List<ConsolePage> pages() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return ConsolePage.openTo(Signed.roles(auth), true);
    }

    @ModelAttribute("rtl")
    boolean rtl() {
        return UserLanguage.rightToLeft(LocaleContextHolder.getLocale());
    }

    /** The path of the page, to mark its entry in the navigation. */
    @ModelAttribute("path")
    String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("language")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
