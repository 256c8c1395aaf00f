package io.tessera.cli;

public final class TesseraCommand {
    public static void main(String[] args) {
        System.out.println("tessera");
    }
}
