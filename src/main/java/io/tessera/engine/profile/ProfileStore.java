package io.tessera.engine.profile;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tessera.engine.AppDirectories;
import io.tessera.engine.OwnerOnlyFiles;
import io.tessera.engine.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The operator's saved cluster profiles, in {@code profiles.json} in the config folder, plus the
 * built-in Local profile. The file holds no secrets, only {@link SecretRef}s.
 */
public final class ProfileStore {
    private static final TypeReference<List<ConnectionProfile>> LIST = new TypeReference<>() {};

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public static ProfileStore inDirectories(AppDirectories dirs) {
        return new ProfileStore(dirs.config().resolve("profiles.json"));
    }

    public Path file() {
        return file;
    }

    /** Local first, then the saved profiles by name. */
    public synchronized List<ConnectionProfile> list() throws IOException {
        List<ConnectionProfile> all = new ArrayList<>();
        all.add(ConnectionProfile.local());
        all.addAll(saved());
        return all;
    }

    public synchronized Optional<ConnectionProfile> find(String name) throws IOException {
        return list().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Adds or replaces (by name, or by {@code previousName} when renaming) a cluster profile. */
    public synchronized void save(ConnectionProfile profile, String previousName) throws IOException {
        List<String> problems = ProfileValidator.problems(profile);
        if (profile.isLocal()) {
            problems.add("The Local profile is built in and cannot be saved.");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        List<ConnectionProfile> profiles = new ArrayList<>(saved());
        profiles.removeIf(p -> p.name().equalsIgnoreCase(profile.name()) || previousName != null && p.name().equalsIgnoreCase(previousName));
        profiles.add(profile);
        write(profiles);
    }

    public synchronized boolean delete(String name) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(saved());
        boolean removed = profiles.removeIf(p -> p.name().equalsIgnoreCase(name));
        if (removed) {
            write(profiles);
        }
        return removed;
    }

    private List<ConnectionProfile> saved() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<ConnectionProfile> profiles = new ArrayList<>(Json.mapper().readValue(file.toFile(), LIST));
            profiles.removeIf(p -> p == null || p.isLocal());
            profiles.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
            return profiles;
        } catch (IOException e) {
            throw new IOException("The profile file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private void write(List<ConnectionProfile> profiles) throws IOException {
        profiles.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
        OwnerOnlyFiles.write(file, Json.mapper().writeValueAsBytes(profiles));
    }
}
