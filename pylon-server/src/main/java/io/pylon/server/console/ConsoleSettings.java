package io.pylon.server.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web app needs before anyone signs in, at {@code /console-settings.json} (outside the API, no token):
 * the map tile URL template ({@code pylon.console.tile-url}, e.g. an operator's own tile server). Empty means no
 * tiles: the maps then draw stations over a plain background with a coordinate grid, which works offline.
 */
@RestController
public class ConsoleSettings {

    public record ConsoleSettingsView(String tileUrl, String tileAttribution) {}

    private final ConsoleSettingsView settings;

    public ConsoleSettings(@Value("${pylon.console.tile-url:}") String tileUrl,
                           @Value("${pylon.console.tile-attribution:}") String attribution) {
        this.settings = new ConsoleSettingsView(tileUrl, attribution);
    }

    @GetMapping("/console-settings.json")
    public ConsoleSettingsView settings() {
        return settings;
    }
}
