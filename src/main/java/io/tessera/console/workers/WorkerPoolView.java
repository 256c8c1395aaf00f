package io.tessera.console.workers;

import io.tessera.console.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import org.kordamp.ikonli.javafx.FontIcon;

/** The console pool in a panel header: "Local worker: 2 threads, on", a thread spinner and an on/off toggle. */
public final class WorkerPoolView {
    private final ConsoleWorkerPool pool;
    private final Parent root;
    @FXML private Label status;
    @FXML private Spinner<Integer> threads;
    @FXML private ToggleButton onToggle;

    public WorkerPoolView(ConsoleWorkerPool pool) {
        this.pool = pool;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        status.textProperty().bind(pool.status());
        status.setGraphic(new FontIcon("fth-cpu"));
        pool.running().addListener((obs, was, on) -> status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("on"), on));
        threads.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, WorkerPoolSettings.MAX_THREADS, pool.threadsProperty().get()));
        threads.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                pool.setThreads(now);
            }
        });
        onToggle.setSelected(pool.enabledProperty().get());
        onToggle.textProperty().bind(javafx.beans.binding.Bindings.when(onToggle.selectedProperty()).then("On").otherwise("Off"));
        onToggle.selectedProperty().addListener((obs, was, on) -> pool.setEnabled(on));
        pool.enabledProperty().addListener((obs, was, on) -> onToggle.setSelected(on));
    }

    public Parent root() {
        return root;
    }
}
