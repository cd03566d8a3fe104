package org.dynreg.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.dynreg.security.Users;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import java.util.List;
import java.util.Locale;

/**
 * The console's language: the one the signed-in user chose (kept with the user, so it follows them to any
 * browser), else English. Read once per session. Urdu is written right to left ({@link #rightToLeft}).
 */
public class UserLanguage implements LocaleResolver {
    /** The languages the console has messages for; the first is the default. */
    public static final List<String> SUPPORTED = List.of("en", "ur");
    private static final String SESSION_KEY = UserLanguage.class.getName();

    private final Users users;

    UserLanguage(Users users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale l) {
            return l;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Locale.forLanguageTag(SUPPORTED.get(0));
        }
        String chosen = users.language(auth.getName());
        Locale locale = Locale.forLanguageTag(chosen == null ? SUPPORTED.get(0) : chosen);
        if (session != null) {
            session.setAttribute(SESSION_KEY, locale);
        }
        return locale;
    }

    /** Stores the user's choice with the user and in the session. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String tag = locale == null ? SUPPORTED.get(0) : locale.getLanguage();
        if (auth != null && !(auth instanceof AnonymousAuthenticationToken)) {
            users.setLanguage(auth.getName(), tag, SUPPORTED);
        }
        request.getSession(true).setAttribute(SESSION_KEY, Locale.forLanguageTag(tag));
    }

    public static boolean rightToLeft(Locale locale) {
        return "ur".equals(locale.getLanguage());
    }
}
