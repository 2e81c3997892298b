import { memo, useDeferredValue } from 'react';
import { DRAW_MS, throttlesViews, useThrottled } from '../run/useThrottled';
import type { EpochRecord } from '../../engine/protocol';
import { usePlayground } from '../../state';
import { metricColumns } from './metricName';

/**
 * Rows the table holds while a long run trains: its latest epochs. Adding a
 * fast run's hundreds of rows every tenth of a second cost the page 50-70 ms
 * frames (the status line and Pause waited on them); every row is back the
 * moment the run pauses or ends.
 */
const LIVE_ROWS = 100;

const fmt = (value: number): string => (Number.isFinite(value) ? value.toFixed(4) : String(value));

const Row = memo(function Row({ record }: { record: EpochRecord }) {
  return (
    <tr>
      <td>{record.epoch}</td>
      <td>{fmt(record.loss)}</td>
      <td>{fmt(record.valLoss)}</td>
      <td>{fmt(record.metric)}</td>
      <td>{fmt(record.valMetric)}</td>
    </tr>
  );
});

/** The chart's data as a table: one row per epoch, as Keras's History holds it. */
export function HistoryTable() {
  const latest = usePlayground((state) => state.run.history);
  const live = usePlayground((state) => throttlesViews(state.run.phase, state.run.history.length));
  const history = useThrottled(latest, live, DRAW_MS);
  const listed = live && history.length > LIVE_ROWS ? history.slice(-LIVE_ROWS) : history;
  // The whole list comes back in a render of its own, after the frame that shows the pause or the end.
  const rows = useDeferredValue(listed);
  const task = usePlayground((state) => (state.dataset.status === 'ready' ? state.dataset.table.task : null));
  const { metric, valMetric } = metricColumns(task);
  return (
    <div className="history" role="region" tabIndex={0} aria-label="Training history, scrollable">
      <table aria-label="Training history">
        <thead>
          <tr>
            <th scope="col">epoch</th>
            <th scope="col">loss</th>
            <th scope="col">val_loss</th>
            <th scope="col">{metric}</th>
            <th scope="col">{valMetric}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length > 0 && rows[0]!.epoch > 1 && (
            <tr>
              <td colSpan={5}>{`Epochs 1–${rows[0]!.epoch - 1} are listed when the run pauses or ends.`}</td>
            </tr>
          )}
          {rows.map((record) => (
            <Row key={record.epoch} record={record} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
