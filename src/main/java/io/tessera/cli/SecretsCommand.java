package io.tessera.cli;

import io.tessera.engine.AppDirectories;
import io.tessera.engine.profile.KeystoreProtection;
import io.tessera.engine.profile.KeystoreProtection.Kind;
import io.tessera.engine.profile.SecretStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tessera secrets`: how the keystore of profile passwords is protected, and switching that protection. */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Protection of the keystore that holds the profiles' passwords.",
        subcommands = {SecretsCommand.Status.class, SecretsCommand.Protect.class})
final class SecretsCommand {

    @Command(name = "status", description = "Say how the keystore is protected and what opens it (no secret is shown).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            SecretStore secrets = SecretStore.inDirectories(AppDirectories.fromEnvironment());
            KeystoreProtection protection = secrets.protection();
            PrintWriter out = spec.commandLine().getOut();
            out.println("keystore    " + secrets.keystoreFile() + (Files.exists(secrets.keystoreFile()) ? "" : " (not created yet)"));
            out.println("protection  " + protection.kind().label());
            switch (protection.kind()) {
                case KEY_FILE -> out.println("opens with  the key file " + secrets.keyFile());
                case ENVIRONMENT -> out.println("opens with  " + SecretStore.KEYSTORE_PASSWORD_ENV + (System.getenv(SecretStore.KEYSTORE_PASSWORD_ENV) == null ? " (not set here)" : ""));
                case PASSPHRASE -> {
                    out.println("key         " + protection.kdf() + ", " + protection.iterations() + " iterations, 16-byte salt");
                    out.println("opens with  " + secrets.passphraseSource().orElse("the passphrase, asked at start (console) or at the terminal"));
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "protect", description = "Re-encrypt every stored password under another protection, atomically.")
    static final class Protect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--passphrase", description = "A passphrase typed at start (asked twice here, never echoed; never an argument).")
            boolean passphrase;

            @Option(names = "--key-file", description = "A random key in an owner-only file in the data folder (the default).")
            boolean keyFile;

            @Option(names = "--environment", description = "The value of " + SecretStore.KEYSTORE_PASSWORD_ENV + " (set it first).")
            boolean environment;
        }

        @Override
        public Integer call() throws Exception {
            SecretStore secrets = KeystoreUnlock.opened(AppDirectories.fromEnvironment());
            Kind target = choice.passphrase ? Kind.PASSPHRASE : choice.keyFile ? Kind.KEY_FILE : Kind.ENVIRONMENT;
            char[] passphrase = target == Kind.PASSPHRASE ? KeystoreUnlock.askNew() : null;
            boolean changed;
            try {
                changed = secrets.protect(target, passphrase);
            } finally {
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
            spec.commandLine().getOut().println(changed
                    ? "The keystore " + secrets.keystoreFile() + " is now protected by its " + target.label() + "."
                    : "The keystore is already protected by its " + target.label() + "; nothing changed.");
            return 0;
        }
    }
}
