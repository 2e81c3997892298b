"""Builds recurrent stacks in Keras 3 and writes their model.summary() output
shapes and weight counts as JSON, the fixture src/model/recurrentLayers.test.ts
compares the playground's summary with. GRU is built as tfjs 4.22 builds it
(reset_after=False); see src/model/sequenceKinds.ts. Run from the repository
root, in a venv (outside the repo) with keras 3 and jax:
  KERAS_BACKEND=jax python scripts/recurrentKeras.py > src/model/recurrent.keras.json
"""
import json, os
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras
from keras import layers as L

def build(d):
    k = d["kind"]
    if k == "dense": return L.Dense(d["units"], activation=d["activation"])
    if k == "dropout": return L.Dropout(d["rate"])
    if k == "batchNormalization": return L.BatchNormalization()
    if k == "flatten": return L.Flatten()
    if k == "globalAveragePooling1D": return L.GlobalAveragePooling1D()
    if k == "simpleRnn": return L.SimpleRNN(d["units"], activation=d["activation"], return_sequences=d["returnSequences"])
    if k == "lstm": return L.LSTM(d["units"], activation=d["activation"], return_sequences=d["returnSequences"])
    # The cell tfjs 4.22 builds (see src/model/sequenceKinds.ts).
    if k == "gru": return L.GRU(d["units"], activation=d["activation"], return_sequences=d["returnSequences"], reset_after=False)
    raise ValueError(k)

def rnn(kind, units, rs=False, act="tanh"):
    return {"kind": kind, "units": units, "activation": act, "returnSequences": rs}
dense = lambda u, a="linear": {"kind": "dense", "units": u, "activation": a}

stacks = [
    ([20, 1], [rnn("simpleRnn", 32), dense(1)]),
    ([20, 1], [rnn("lstm", 32), dense(1)]),
    ([20, 1], [rnn("gru", 32), dense(1)]),
    ([20, 3], [rnn("lstm", 16, True), rnn("lstm", 8), dense(1)]),
    ([12, 2], [rnn("simpleRnn", 10, True, "relu"), {"kind": "globalAveragePooling1D"}, dense(4, "softmax")]),
    ([20, 1], [{"kind": "flatten"}, dense(8, "relu"), dense(1)]),
    ([30, 4], [rnn("gru", 24, True), {"kind": "flatten"}, dense(1)]),
    ([20, 1], [rnn("lstm", 32, True), dense(5, "relu"), {"kind": "globalAveragePooling1D"}, dense(1)]),
    ([20, 2], [rnn("lstm", 4, True), {"kind": "dropout", "rate": 0.2}, {"kind": "batchNormalization"}, rnn("gru", 6), dense(1)]),
]
out = []
for shape, spec in stacks:
    m = keras.Sequential([keras.Input(tuple(shape))] + [build(d) for d in spec])
    rows = [{"class": l.__class__.__name__, "outputShape": list(l.output.shape[1:]), "params": l.count_params()} for l in m.layers]
    out.append({"inputShape": shape, "layers": spec, "rows": rows, "totalParams": m.count_params()})
# Keras 3's default GRU, for the record: what `GRU(32)` pasted from Keras 3 would build there.
m = keras.Sequential([keras.Input((20, 1)), L.GRU(32), L.Dense(1)])
doc = {
    "about": "Keras " + keras.__version__ + " model.summary() shapes (without the batch axis) and weight counts; GRU built as tfjs 4.22 builds it (reset_after=False; sigmoid gates as the playground sets them). Regenerate: KERAS_BACKEND=jax python scripts/recurrentKeras.py > src/model/recurrent.keras.json",
    "stacks": out,
    "keras3DefaultGru32Dense1Params": m.count_params(),
}
print(json.dumps(doc, indent=1))
