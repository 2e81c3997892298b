"""Drives Keras 3's real EarlyStopping over scripted epoch logs and writes
what it does (stop epoch, best epoch, restored epoch, weight snapshots) as
JSON, the fixture src/model/earlyStopping.test.ts compares the playground's
EarlyStopper with. Run from the repository root, in a venv (outside the repo)
with keras 3, numpy, scipy and jax (Keras's numpy backend imports them):
  KERAS_BACKEND=numpy python scripts/earlyStoppingKeras.py > src/model/earlyStopping.keras.json
"""
import json
import math
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "numpy")
import numpy as np  # noqa: E402
import keras  # noqa: E402

NAN = float("nan")
INF = float("inf")


def compiled_metrics(metric):
    """A real model compiled as the playground's exported script compiles it,
    evaluated once so its metrics exist: mode='auto' reads their direction."""
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
    loss = "mae" if metric == "mae" else "binary_crossentropy"
    model.compile(optimizer="adam", loss=loss, metrics=[metric])
    x = np.zeros((4, 2), "float32")
    y = np.array([[0], [1], [0], [1]], "float32")
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    assert metric in logs, logs
    return model.metrics


class FakeModel:
    """Stands in for a model: its weights are the number of the epoch that
    produced them, so what get/set_weights saw tells which epoch was kept."""

    def __init__(self, metrics):
        self.metrics = metrics
        self.epoch = 0
        self.snapshots = []
        self.restored = None
        self.stop_training = False

    def get_weights(self):
        self.snapshots.append(self.epoch)
        return [np.array([self.epoch])]

    def set_weights(self, weights):
        self.restored = int(weights[0][0])


CASES = [
    # name, metric compiled, monitor, mode, patience, min_delta, baseline, restore, values
    ("val_loss: stops after patience stale epochs", "accuracy", "val_loss", "auto", 3, 0, None, True, [1, 0.8, 0.5, 0.6, 0.55, 0.7, 0.4]),
    ("val_loss: patience 0 stops at the first stale epoch", "accuracy", "val_loss", "auto", 0, 0, None, True, [1, 1.1, 0.9]),
    ("val_loss: never stops after the first epoch", "accuracy", "val_loss", "auto", 0, 0, None, True, [1]),
    ("val_loss: a tie is not an improvement", "accuracy", "val_loss", "auto", 2, 0, None, True, [1, 1, 1]),
    ("val_loss: min_delta 0.1", "accuracy", "val_loss", "auto", 2, 0.1, None, True, [1, 0.95, 0.91, 0.85, 0.84, 0.8]),
    ("val_loss: min_delta 0.1, improvements far enough apart", "accuracy", "val_loss", "auto", 3, 0.1, None, True, [1, 0.85, 0.84, 0.8, 0.7]),
    ("val_loss: wait resets on improvement", "accuracy", "val_loss", "auto", 2, 0, None, True, [5, 6, 4, 4.5, 3, 3.5, 3.2, 2]),
    ("val_loss: keeps improving to the end", "accuracy", "val_loss", "auto", 1, 0, None, True, [4, 3, 2, 1]),
    ("val_loss: NaN first epoch holds best forever", "accuracy", "val_loss", "auto", 2, 0, None, True, [NAN, NAN, NAN, NAN]),
    ("val_loss: NaN after a finite best never improves", "accuracy", "val_loss", "auto", 2, 0, None, True, [0.5, NAN, 0.4, NAN, NAN, NAN]),
    ("val_loss: Infinity", "accuracy", "val_loss", "auto", 1, 0, None, True, [INF, 2, INF, INF]),
    ("val_loss: without restore_best_weights", "accuracy", "val_loss", "auto", 2, 0, None, False, [1, 0.5, 0.7, 0.8, 0.2]),
    ("val_loss: mode max (the wrong way round)", "accuracy", "val_loss", "max", 2, 0, None, True, [1, 0.8, 0.5, 1.2, 0.4, 0.3]),
    ("val_loss: baseline 0.5 not reached yet", "accuracy", "val_loss", "auto", 2, 0, 0.5, True, [1, 0.9, 0.8, 0.7, 0.6, 0.6, 0.55]),
    ("val_loss: baseline 0.5 beaten", "accuracy", "val_loss", "auto", 2, 0, 0.5, True, [1, 0.9, 0.45, 0.46, 0.4, 0.41, 0.42, 0.43]),
    ("val_loss: baseline with min_delta", "accuracy", "val_loss", "min", 1, 0.05, 0.5, True, [0.6, 0.54, 0.5, 0.44, 0.43, 0.42]),
    ("val_accuracy: auto is max", "accuracy", "val_accuracy", "auto", 3, 0, None, True, [0.5, 0.6, 0.6, 0.7, 0.65, 0.7, 0.68, 0.69, 0.9]),
    ("val_accuracy: mode max with min_delta 0.05", "accuracy", "val_accuracy", "max", 2, 0.05, None, True, [0.5, 0.54, 0.56, 0.6, 0.62, 0.64, 0.7]),
    ("val_accuracy: first maximum wins a tie", "accuracy", "val_accuracy", "auto", 4, 0, None, True, [0.5, 0.8, 0.7, 0.8, 0.8, 0.75, 0.8]),
    ("val_accuracy: mode min", "accuracy", "val_accuracy", "min", 2, 0, None, True, [0.5, 0.6, 0.4, 0.7, 0.8]),
    ("val_accuracy: baseline 0.8 never reached, improving epochs never stop", "accuracy", "val_accuracy", "auto", 3, 0, 0.8, True, [0.5, 0.6, 0.7, 0.75, 0.78, 0.78, 0.7]),
    ("val_accuracy: baseline 0.8 beaten", "accuracy", "val_accuracy", "auto", 2, 0, 0.8, True, [0.5, 0.85, 0.84, 0.9, 0.9, 0.9]),
    ("val_accuracy: baseline with min_delta", "accuracy", "val_accuracy", "max", 2, 0.02, 0.7, False, [0.6, 0.71, 0.73, 0.74, 0.76, 0.77, 0.77]),
    ("val_accuracy: NaN", "accuracy", "val_accuracy", "auto", 1, 0, None, True, [0.6, NAN, 0.7, NAN, NAN]),
    ("loss: auto is min", "accuracy", "loss", "auto", 2, 0.01, None, True, [0.9, 0.7, 0.695, 0.69, 0.6, 0.61]),
    ("accuracy: auto is max", "accuracy", "accuracy", "auto", 2, 0, None, True, [0.7, 0.8, 0.9, 0.9, 0.85, 0.95]),
    ("val_mae: auto is min", "mae", "val_mae", "auto", 2, 0, None, True, [10, 8, 9, 7, 7.5, 7.2]),
    ("val_mae: baseline 5", "mae", "val_mae", "auto", 3, 0.5, 5, True, [10, 8, 6, 4, 3.8, 3.6, 3.4]),
    ("mae: auto is min", "mae", "mae", "auto", 1, 0, None, True, [3, 2, 2.5, 1]),
    ("mae: mode max", "mae", "mae", "max", 1, 0, None, True, [3, 2, 2.5, 1]),
]


def jsonable(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def run(case, metrics_by_name):
    name, metric, monitor, mode, patience, min_delta, baseline, restore, values = case
    model = FakeModel(metrics_by_name[metric])
    cb = keras.callbacks.EarlyStopping(
        monitor=monitor, mode=mode, patience=patience, min_delta=min_delta,
        baseline=baseline, restore_best_weights=restore)
    cb.set_model(model)
    cb.on_train_begin()
    stopped = None
    for i, v in enumerate(values):
        model.epoch = i + 1
        cb.on_epoch_end(i, {monitor: v})
        if model.stop_training:
            stopped = i + 1
            break
    cb.on_train_end()
    return {
        "name": name,
        "compiledMetric": metric,
        "monitor": monitor,
        "mode": mode,
        "patience": patience,
        "minDelta": min_delta,
        "baseline": baseline,
        "restoreBestWeights": restore,
        "values": [jsonable(v) for v in values],
        "expected": {
            "stoppedAt": stopped,
            "bestEpoch": cb.best_epoch + 1,
            "best": jsonable(cb.best),
            "wait": cb.wait,
            "restoredFrom": model.restored,
            "snapshots": model.snapshots,
            "direction": "max" if cb.monitor_op is keras.ops.greater else "min",
        },
    }


def main():
    metrics_by_name = {m: compiled_metrics(m) for m in ("accuracy", "mae")}
    out = {
        "generatedBy": f"keras {keras.__version__} EarlyStopping (backend {keras.backend.backend()}), scripts/earlyStoppingKeras.py",
        "note": "Epochs are 1-based (Keras's epoch index + 1). Snapshots: epochs whose weights get_weights copied.",
        "cases": [run(c, metrics_by_name) for c in CASES],
    }
    # One case a line, so a change to Keras shows as a readable diff.
    cases = ",\n  ".join(json.dumps(case) for case in out["cases"])
    sys.stdout.write(
        f'{{\n "generatedBy": {json.dumps(out["generatedBy"])},\n "note": {json.dumps(out["note"])},\n "cases": [\n  {cases}\n ]\n}}\n'
    )


main()
