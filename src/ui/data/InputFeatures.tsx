import { DEFAULT_FEATURES, featureProblems, inputFeatures, orderedFeatures, type InputFeature } from '../../data/engineeredFeatures';
import { usePlayground } from '../../state';

/**
 * The "Input features" of a 2-D set, as TensorFlow Playground offers them:
 * what the model reads from each point, computed from x1, x2 before
 * scaling; for a generated set or for your own points, each keeping its own
 * choice. Changing them ends the run: the input layer follows them.
 */
export function InputFeatures() {
  const drawn = usePlayground((state) => state.datasetId === 'drawn');
  const chosen = usePlayground((state) => (state.datasetId === 'drawn' ? state.drawn.features : state.synthetic?.features) ?? DEFAULT_FEATURES);
  // A string, not the list: a selector must return the same value while nothing changed.
  const problem = usePlayground((state) => (state.dataset.status === 'ready' ? (featureProblems(state.dataset.table)[0] ?? null) : null));
  const { setSyntheticOptions, setDrawnFeatures } = usePlayground.getState();
  const toggle = (name: InputFeature, on: boolean) => {
    const features = orderedFeatures(on ? [...chosen, name] : chosen.filter((other) => other !== name));
    if (drawn) setDrawnFeatures(features);
    else setSyntheticOptions({ features });
  };
  return (
    <fieldset className="controls">
      <legend>Input features</legend>
      <div className="checks">
        {inputFeatures.map((name) => (
          <label key={name} className="check">
            <input type="checkbox" checked={chosen.includes(name)} onChange={(event) => toggle(name, event.target.checked)} />
            {name}
          </label>
        ))}
      </div>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : (
        <p className="hint">Computed from each point before scaling: with x1² and x2² a single neuron can draw a circle.</p>
      )}
    </fieldset>
  );
}
