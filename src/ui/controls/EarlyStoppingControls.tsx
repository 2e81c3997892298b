import { monitorDirection, monitorKinds, monitorName, type MonitorKind, type MonitorMode } from '../../model/earlyStopping';
import { usePlayground } from '../../state';
import { NumberField } from '../common/NumberField';
import { SelectField } from '../common/SelectField';
import { BaselineField } from './BaselineField';
import { earlyStoppingHint } from './earlyStoppingHint';

/** Keras's EarlyStopping: what it monitors, which way is better, how long it waits, and its baseline. */
export function EarlyStoppingControls() {
  const early = usePlayground((state) => state.config.earlyStopping);
  const task = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.task : null));
  const { setEarlyStopping } = usePlayground.getState();
  const off = !early.enabled;
  // 'auto' shows where it points for this monitor and task, as Keras would resolve it.
  const auto = monitorDirection({ monitor: early.monitor, mode: 'auto' }, task);
  return (
    <>
      <div className="checks">
        <label className="check">
          <input type="checkbox" checked={early.enabled} onChange={(event) => setEarlyStopping({ enabled: event.target.checked })} />
          Early stopping
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={early.restoreBestWeights}
            disabled={off}
            onChange={(event) => setEarlyStopping({ restoreBestWeights: event.target.checked })}
          />
          Restore best weights
        </label>
      </div>
      <div className="selects">
        <SelectField<MonitorKind>
          label="Monitor"
          value={early.monitor ?? 'val_loss'}
          options={monitorKinds.map((kind) => ({ value: kind, label: monitorName(kind, task) }))}
          disabled={off}
          onChange={(monitor) => setEarlyStopping({ monitor })}
        />
        <SelectField<MonitorMode>
          label="Mode"
          value={early.mode ?? 'auto'}
          options={[
            { value: 'auto', label: `auto (${auto})` },
            { value: 'min', label: 'min' },
            { value: 'max', label: 'max' },
          ]}
          disabled={off}
          onChange={(mode) => setEarlyStopping({ mode })}
        />
      </div>
      <div className="fields">
        <NumberField label="Patience" value={early.patience} min={0} step={1} disabled={off} onChange={(patience) => setEarlyStopping({ patience })} />
        <NumberField label="Min delta" value={early.minDelta} min={0} step="any" disabled={off} onChange={(minDelta) => setEarlyStopping({ minDelta })} />
        <BaselineField value={early.baseline ?? null} disabled={off} onChange={(baseline) => setEarlyStopping({ baseline })} />
      </div>
      {early.enabled && <p className="hint early-hint">{earlyStoppingHint(early, task)}</p>}
    </>
  );
}
