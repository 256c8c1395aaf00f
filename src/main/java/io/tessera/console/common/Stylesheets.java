package io.tessera.console.common;

/** The console's own stylesheet, on top of the AtlantaFX theme; it uses only the theme's colour variables. */
public final class Stylesheets {
    public static final String APP = Stylesheets.class.getResource("/io/tessera/styles/tessera.css").toExternalForm();

    private Stylesheets() {}
}
