package io.tessera.console.placeholder;

/** A panel that a later issue fills: what it will do, said plainly. */
public record PlaceholderViewModel(String title, String iconLiteral, String headline, String description) {}
