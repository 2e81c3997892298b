import { useRef, useState } from 'react';
import type { KerasApplied } from '../../model/kerasSettings';
import { usePlayground } from '../../state';

const example = `model = keras.Sequential([
    layers.Dense(64, activation='relu', input_shape=[8]),
    layers.Dropout(0.3),
    layers.Dense(1),
])
model.compile(optimizer='adam', loss='mae')
model.fit(X, y, batch_size=32, epochs=100)`;

/** "Paste Keras code": the course's model code becomes the layer stack and the training settings. */
export function KerasDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [code, setCode] = useState('');
  const [result, setResult] = useState<KerasApplied | null>(null);
  const apply = () => {
    const outcome = usePlayground.getState().applyKerasCode(code);
    setResult(outcome);
    // Stays open while there is something to read: what was not taken, notes, values set from Keras's defaults.
    if (outcome.applied && outcome.problems.length + outcome.notes.length + outcome.defaults.length === 0) dialog.current?.close();
  };
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setResult(null);
          dialog.current?.showModal();
        }}
      >
        Paste Keras code
      </button>
      <dialog ref={dialog} className="keras-dialog" aria-label="Paste Keras code">
        <label>
          Keras code
          <textarea value={code} onChange={(event) => setCode(event.target.value)} rows={14} spellCheck={false} placeholder={example} />
        </label>
        <p className="hint">
          keras.Sequential([...]) or Sequential() with model.add(...); Dense, Dropout, BatchNormalization, Activation, Conv2D,
          MaxPool2D, Flatten; model.compile(...), EarlyStopping(...) and model.fit(...) set the training. The code is read, never run.
        </p>
        {result && (!result.applied || result.problems.length > 0) && (
          <div role="alert" className={result.applied ? 'hint' : 'error'}>
            {result.applied ? 'Applied, except:' : 'Nothing was applied.'}
            <ul>
              {result.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        {result?.applied && result.problems.length === 0 && <p className="hint">Applied.</p>}
        {result?.applied && result.defaults.length > 0 && (
          <p className="hint">
            Set from Keras's defaults: {result.defaults.join(', ')}.
          </p>
        )}
        {result?.applied && result.notes.length > 0 && (
          <ul className="hint" aria-label="Notes">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <div className="buttons">
          <button type="button" className="primary" onClick={apply}>
            Apply
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
