package io.tessera.console.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;

/** The two AtlantaFX themes the console offers. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    static Theme parse(String text) {
        return "dark".equalsIgnoreCase(text) ? DARK : LIGHT;
    }
}
