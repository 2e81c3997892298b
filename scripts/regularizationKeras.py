"""Trains a small Dense network with Keras 3's kernel_regularizer (l1, l2,
l1_l2) from fixed weights and writes what Keras reports (loss and val_loss
per epoch, which both include the penalties in Keras 3) and the weights after
each epoch as JSON, the fixture src/engine/regularization.test.ts compares
both engines with. Full-batch SGD, so each epoch is one step and the weights
after it show the penalty's gradient. Run from the repository root, in a venv
(outside the repo) with keras 3 and jax:
  KERAS_BACKEND=jax python scripts/regularizationKeras.py > src/engine/regularization.keras.json
"""
import json
import os

os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np  # noqa: E402
import keras  # noqa: E402

rng = np.random.RandomState(7)
x_train = rng.uniform(-1, 1, (12, 3)).astype("float32")
y_train = (x_train[:, :1] * x_train[:, 1:2] > 0).astype("float32")
x_val = rng.uniform(-1, 1, (6, 3)).astype("float32")
y_val = (x_val[:, :1] * x_val[:, 1:2] > 0).astype("float32")
start = [
    rng.uniform(-0.9, 0.9, (3, 5)).astype("float32"),
    rng.uniform(-0.1, 0.1, (5,)).astype("float32"),
    rng.uniform(-0.9, 0.9, (5, 1)).astype("float32"),
    rng.uniform(-0.1, 0.1, (1,)).astype("float32"),
]

CASES = {
    "l2": (lambda: keras.regularizers.l2(0.05), {"l1": 0, "l2": 0.05}),
    "l1": (lambda: keras.regularizers.l1(0.03), {"l1": 0.03, "l2": 0}),
    "l1_l2": (lambda: keras.regularizers.l1_l2(l1=0.02, l2=0.08), {"l1": 0.02, "l2": 0.08}),
}

cases = []
for name, (make, strengths) in CASES.items():
    model = keras.Sequential([
        keras.Input((3,)),
        keras.layers.Dense(5, activation="tanh", kernel_regularizer=make()),
        keras.layers.Dense(1, activation="sigmoid", kernel_regularizer=make()),
    ])
    model.set_weights(start)
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="binary_crossentropy")
    weights = []
    logs = []
    for _ in range(3):
        h = model.fit(x_train, y_train, validation_data=(x_val, y_val), batch_size=12, epochs=1, shuffle=False, verbose=0)
        logs.append([h.history["loss"][0], h.history["val_loss"][0]])
        weights.append([np.asarray(w).ravel().tolist() for w in model.get_weights()])
    cases.append({"name": name, "regularizer": strengths, "logs": logs, "weights": weights})

json.dump({
    "keras": keras.__version__,
    "xTrain": x_train.ravel().tolist(), "yTrain": y_train.ravel().tolist(),
    "xVal": x_val.ravel().tolist(), "yVal": y_val.ravel().tolist(),
    "start": [w.ravel().tolist() for w in start],
    "learningRate": 0.5,
    "cases": cases,
}, __import__("sys").stdout)
