package io.tessera.console.profiles;

import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import io.tessera.engine.profile.SecretStoreException;
import java.util.Arrays;
import java.util.List;

/**
 * One password of a profile being saved: the stored secret is kept unless a new one was typed or the
 * secret is no longer wanted. New secrets get a new keystore entry; the old one is removed only after
 * the profile is saved, so a failed save leaves the old profile working.
 */
record SecretField(SecretRef existing, boolean keepExisting, boolean wanted, char[] typed) {

    /** A stand-in reference so validation sees that a secret will be there. */
    static final SecretRef PENDING = SecretRef.keystore("pending");

    SecretRef forValidation() {
        return !wanted ? null : typed.length > 0 ? PENDING : keepExisting ? existing : null;
    }

    SecretRef store(SecretStore secrets, List<SecretRef> created, List<SecretRef> obsolete) throws SecretStoreException {
        try {
            if (!wanted) {
                addIfPresent(obsolete, existing);
                return null;
            }
            if (typed.length == 0 && keepExisting) {
                return existing;
            }
            SecretRef fresh = secrets.put(typed);
            created.add(fresh);
            addIfPresent(obsolete, existing);
            return fresh;
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static void addIfPresent(List<SecretRef> refs, SecretRef ref) {
        if (ref != null) {
            refs.add(ref);
        }
    }
}
