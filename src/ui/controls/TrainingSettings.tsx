import { usePlayground } from '../../state';
import { losses } from '../../model/losses';
import { optimizers } from '../../model/optimizers';

/** The training config, read-only for now: what `model.compile` and `model.fit` get. */
export function TrainingSettings() {
  const config = usePlayground((state) => state.config);
  const rows: [string, string][] = [
    ['Optimizer', optimizers[config.optimizer].label],
    ['Learning rate', String(config.learningRate)],
    ['Loss', losses[config.loss].label],
    ['Batch size', String(config.batchSize)],
    ['Epochs', String(config.epochs)],
    ['Validation split', `${Math.round(config.validationSplit * 100)} %`],
  ];
  return (
    <dl className="settings" aria-label="Training settings">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
