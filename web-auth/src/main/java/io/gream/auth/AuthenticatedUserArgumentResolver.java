package io.gream.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Optional;

/**
 * Hands the user verified by {@link BearerTokenInterceptor} to the handler method: an {@link AuthenticatedUser}
 * (required), or an {@code Optional<AuthenticatedUser>} (empty for an anonymous caller).
 */
final class AuthenticatedUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AuthenticatedUser.class || isOptionalUser(parameter);
    }

    static boolean isOptionalUser(MethodParameter parameter) {
        return parameter.getParameterType() == Optional.class
                && parameter.nestedIfOptional().getNestedParameterType() == AuthenticatedUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                             NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        if (isOptionalUser(parameter)) {
            return AuthenticatedUser.of(request);
        }
        // The interceptor ran for every handler with this parameter; absence means it was bypassed: refuse.
        return AuthenticatedUser.of(request).orElseThrow(InvalidTokenException::missing);
    }
}
