package dev.steward.catalog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The reader's language for every page and for the mail a page's request sends: the staff member's on the console
 * and its sign-in page, the visitor's everywhere else.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver(Catalogs catalogs) {
        return new ByReader(new ConsoleLanguages(), new VisitorLanguages(catalogs));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/s/**", "/admin", "/admin/**", "/login");
    }

    /** Staff pages are those under {@code /admin} and the sign-in page; the rest are read by visitors. */
    private record ByReader(LocaleResolver staff, LocaleResolver visitors) implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return of(request).resolveLocale(request);
        }

        @Override
        public void setLocale(
                HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
            of(request).setLocale(request, response, locale);
        }

        private LocaleResolver of(HttpServletRequest request) {
            String path = VisitorLanguages.address(request);
            return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/login") ? staff : visitors;
        }
    }
}
