package io.tessera.console.profiles;

import io.tessera.console.common.BackgroundTasks;
import io.tessera.engine.connect.HealthCheck;
import io.tessera.engine.connect.ServiceHealth;
import io.tessera.engine.profile.ConnectionProfile;
import io.tessera.engine.profile.ProfileActions;
import io.tessera.engine.profile.SecretRef;
import io.tessera.engine.profile.SecretStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Adds or edits a cluster profile. Passwords go to the {@link SecretStore}, never into the profile;
 * an empty password field keeps the stored secret. "Test connection" probes the three services as
 * typed; saving after a failed test asks once for confirmation.
 */
public final class ProfileEditorViewModel {
    public enum TestState { NOT_TESTED, TESTING, PASSED, FAILED }

    private final ConnectionProfile original;
    private final ProfileActions actions;
    private final SecretStore secrets;
    private final BackgroundTasks tasks;
    private final Duration testTimeout;
    private final ProfileForm form;
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    // Views hold weak listeners to their source: keep one read-only view, or listeners die with a temporary one.
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper showProblems = new ReadOnlyBooleanWrapper();
    private final ObservableList<ServiceHealth> testResults = FXCollections.observableArrayList();
    private final ObservableList<ServiceHealth> testResultsView = FXCollections.unmodifiableObservableList(testResults);
    private final ReadOnlyObjectWrapper<TestState> testState = new ReadOnlyObjectWrapper<>(TestState.NOT_TESTED);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private boolean saveDespiteFailedTest;
    private int testTurn;

    /** {@code original} is null for a new profile. */
    public ProfileEditorViewModel(ConnectionProfile original, ProfileActions actions, SecretStore secrets, BackgroundTasks tasks, Duration testTimeout) {
        this.original = original;
        this.actions = actions;
        this.secrets = secrets;
        this.tasks = tasks;
        this.testTimeout = testTimeout;
        this.form = ProfileForm.of(original);
        form.fields().forEach(field -> field.addListener(this::edited));
        problems.setAll(form.draft().problems());
    }

    private void edited(Observable field) {
        problems.setAll(form.draft().problems());
        testTurn++;
        testState.set(TestState.NOT_TESTED);
        testResults.clear();
        saveDespiteFailedTest = false;
        message.set("");
    }

    public void testConnection() {
        ProfileDraft draft = form.draft();
        if (!draft.problems().isEmpty()) {
            showProblems.set(true);
            return;
        }
        int turn = ++testTurn;
        testState.set(TestState.TESTING);
        testResults.clear();
        tasks.run("Testing the connection to " + draft.name(), () -> List.copyOf(HealthCheck.checkAll(draft.target(secrets), testTimeout).values()),
                results -> {
                    if (turn == testTurn) {
                        testResults.setAll(results);
                        testState.set(results.stream().allMatch(ProfileEditorViewModel::usable) ? TestState.PASSED : TestState.FAILED);
                    }
                }, reason -> {
                    if (turn == testTurn) {
                        testState.set(TestState.FAILED);
                        message.set("The test could not run: " + reason);
                    }
                });
    }

    private static boolean usable(ServiceHealth health) {
        return health.state() == ServiceHealth.State.UP || health.state() == ServiceHealth.State.DEGRADED;
    }

    /** Saves unless there are problems or the last test failed (then warns, and saves on the next call). */
    public void save(Consumer<ConnectionProfile> onSaved) {
        ProfileDraft draft = form.draft();
        if (!draft.problems().isEmpty()) {
            showProblems.set(true);
            return;
        }
        if (testState.get() == TestState.FAILED && !saveDespiteFailedTest) {
            saveDespiteFailedTest = true;
            message.set("The connection test failed. Save anyway? The profile can be fixed later.");
            return;
        }
        saving.set(true);
        tasks.run("Saving profile " + draft.name(), () -> write(draft), saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, reason -> {
            saving.set(false);
            message.set("Not saved: " + reason);
        });
    }

    private ConnectionProfile write(ProfileDraft draft) throws Exception {
        List<SecretRef> created = new ArrayList<>();
        List<SecretRef> obsolete = new ArrayList<>();
        try {
            ConnectionProfile profile = draft.profile(draft.zkPassword().store(secrets, created, obsolete),
                    draft.redisPassword().store(secrets, created, obsolete),
                    draft.redisTlsFiles().storeSettings(secrets, created, obsolete, false),
                    draft.zkTls().storeSettings(secrets, created, obsolete, true));
            if (original != null) {
                profile = profile.withLimits(original.limits()); // the editor has no field for them (yet): keep what was saved
            }
            actions.save(profile, original == null ? null : original.name(), obsolete);
            return profile;
        } catch (Exception e) {
            for (SecretRef fresh : created) {
                secrets.remove(fresh);
            }
            throw e;
        }
    }

    public ProfileForm form() {
        return form;
    }

    public String title() {
        return original == null ? "New connection profile" : "Edit profile " + original.name();
    }

    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty showProblems() {
        return showProblems.getReadOnlyProperty();
    }

    public ObservableList<ServiceHealth> testResults() {
        return testResultsView;
    }

    public ReadOnlyObjectProperty<TestState> testState() {
        return testState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty saving() {
        return saving.getReadOnlyProperty();
    }

    /** A warning or error line under the form, or empty. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
