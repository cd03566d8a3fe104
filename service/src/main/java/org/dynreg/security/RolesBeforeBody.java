package org.dynreg.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks an endpoint's {@code @PreAuthorize} roles before its request body is read. Method security alone
 * runs after the body is bound and validated, so a caller whose role may not use an endpoint would be told
 * what is wrong with a body it may not send (and so learn its fields) instead of 403. The same rule is
 * checked again by method security when the method runs; the endpoints' expressions name roles only, never
 * arguments, which are not known yet here.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBody implements WebMvcConfigurer, HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager roles = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Object[] noArguments = new Object[method.getMethod().getParameterCount()];
            AuthorizationResult result = roles.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(method.getBean(), method.getMethod(), noArguments));
            if (result != null && !result.isGranted()) {
                throw new AccessDeniedException("Your role does not allow this.");
            }
        }
        return true;
    }
}
