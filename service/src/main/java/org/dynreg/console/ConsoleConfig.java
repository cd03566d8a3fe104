package org.dynreg.console;

import org.dynreg.security.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration
class ConsoleConfig {

    /** Spring MVC's locale resolver, by its well-known name: the user's chosen language. */
    @Bean("localeResolver")
    LocaleResolver localeResolver(Users users) {
        return new UserLanguage(users);
    }
}
