package io.pylon.server.console;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app built by pylon-console (static/ on the class path): the console at {@code /}, the big-screen at
 * {@code /screen}, the driver app at {@code /m}. The app routes in the browser (history mode), so a path of one of
 * its pages that is not a file answers index.html; paths of the API, OpenAPI, actuator and anything that looks like a
 * file (has a dot in its last segment) are never rewritten, so they keep their own 404s. Hashed build assets are
 * cached for a year, index.html never.
 */
@Configuration
public class ConsoleResources implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/";
    private static final List<String> NOT_APP = List.of("api/", "v3/", "actuator/", "ocpp/", "swagger");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(LOCATION).setCacheControl(CacheControl.noCache())
                .resourceChain(false).addResolver(new AppFallback());
    }

    /** A file that exists, else index.html for the app's own routes. */
    static final class AppFallback extends PathResourceResolver {
        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource file = location.createRelative(path);
            if (!path.isEmpty() && file.exists() && file.isReadable()) return file;
            return isAppRoute(path) ? index() : null;
        }

        static boolean isAppRoute(String path) {
            if (NOT_APP.stream().anyMatch(path::startsWith) || path.equals("api") || path.equals("v3") || path.equals("actuator")) {
                return false;
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !last.contains(".");
        }

        private static Resource index() {
            Resource index = new ClassPathResource("static/index.html");
            return index.exists() ? index : null;
        }
    }
}
