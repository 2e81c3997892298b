import { useEffect, useState } from 'react';
import type { EpochRecord } from '../../engine/protocol';
import { ReferenceArea, ReferenceLine } from 'recharts';
import { HistoryChart } from './HistoryChart';

const sample: EpochRecord[] = Array.from({ length: 12 }, (_, i) => ({
  epoch: i + 1,
  loss: 1 / (i + 1),
  valLoss: 1.1 / (i + 1),
  metric: 0.5,
  valMetric: 0.5,
  ms: 1,
  learningRate: 0.01,
}));

/**
 * Draws one chart with made-up points, out of sight, once, when the page is
 * idle, and then removes it. The first chart drawn with data runs Recharts'
 * code cold, which on a slow machine takes longer than a frame; doing that
 * once before any run keeps the first redraw of a real run short.
 */
export function ChartWarmup() {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>('waiting');
  useEffect(() => {
    if (phase === 'waiting') {
      const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (run: () => void) => setTimeout(run, 200);
      idle(() => setPhase('drawing'));
    } else if (phase === 'drawing') {
      const timer = setTimeout(() => setPhase('done'), 0);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [phase]);
  if (phase !== 'drawing') return null;
  return (
    <div aria-hidden="true" className="chart-warmup">
      {/* With the markers the loss chart draws (best epoch, overfitting), whose first use is as costly. */}
      <HistoryChart history={sample} epochs={20} trainKey="loss" valKey="valLoss" trainName="loss" valName="val_loss" yLabel="loss" height={120}>
        <ReferenceArea x1={8} x2={12} fillOpacity={0.1} label={{ value: 'warm-up', position: 'insideBottom', fontSize: 11 }} />
        <ReferenceLine x={8} strokeDasharray="2 2" label={{ value: 'warm-up', position: 'insideTopRight', fontSize: 11 }} />
      </HistoryChart>
    </div>
  );
}
