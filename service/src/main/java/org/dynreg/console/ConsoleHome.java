package org.dynreg.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import java.util.List;
import java.util.Locale;

/** Sign-in, the start page (the first page the user's roles open), the refusal page and the choice of language. */
@Controller
class ConsoleHome {
    private final LocaleResolver language;

    ConsoleHome(LocaleResolver language) {
        this.language = language;
    }

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String home(Authentication auth) {
        List<ConsolePage> open = ConsolePage.openTo(Signed.roles(auth), true);
        return open.isEmpty() ? "console/no-pages" : "redirect:" + open.get(0).path();
    }

    /** Where the security layer forwards a request the user's roles do not allow, whatever its method. */
    @RequestMapping("/forbidden")
    String forbidden(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        if (Htmx.isHtmx(request)) {
            Htmx.retarget(response, "#problems");
            return "console/fragments :: forbidden";
        }
        return "console/forbidden";
    }

    /** The user's language, kept with the user; back to the page they were on. */
    @PostMapping("/language")
    String choose(@RequestParam String language, @RequestHeader(value = "Referer", required = false) String from,
                  HttpServletRequest request, HttpServletResponse response) {
        this.language.setLocale(request, response, Locale.forLanguageTag(language));
        return "redirect:" + back(from, request);
    }

    /** Only a path of this service, never another site named in the header. */
    private static String back(String from, HttpServletRequest request) {
        if (from == null) {
            return "/";
        }
        String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String path = from.startsWith(origin) ? from.substring(origin.length()) : from.startsWith("/") && !from.startsWith("//") ? from : "/";
        return path.isEmpty() ? "/" : path;
    }
}
