package io.gream.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands the user verified by {@link BearerTokenInterceptor} (or, when optional, its absence) to the handler. */
final class AuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedUser.class
                || BearerTokenInterceptor.isOptionalUser(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                             NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (BearerTokenInterceptor.isOptionalUser(parameter)) {
            return AuthenticatedUser.of(request);
        }
        // The interceptor ran for every handler with this parameter; absence means it was bypassed: refuse.
        return AuthenticatedUser.of(request).orElseThrow(InvalidTokenException::missing);
    }
}
