import { datasetInfo } from '../data/datasets';
import { featureFormulas, planeCoordinates } from '../data/engineeredFeatures';
import type { PreparedData } from '../data/prepare';
import type { PreparedSeries } from '../data/series';
import { inputShapeOf, type Table } from '../data/table';
import { pointsCsv, type ScriptData } from '../model/file/kerasScript';
import { seriesScriptData } from '../model/file/kerasSeriesScript';
import type { CustomData } from './customData';
import type { DatasetChoice } from './dataSlice';
import type { ExportMeta } from './runState';

/** How a Keras script would read the data of a dataset choice. */
function scriptData(choice: DatasetChoice, table: Table, custom: CustomData | null): ScriptData {
  const categorical = (table.encodings ?? []).map((encoding) => encoding.column);
  if (choice === 'custom') {
    // An uploaded series goes with the script as the rows the playground built of it, in their time order.
    if (table.series) return seriesScriptData({ uploaded: custom?.fileName ?? 'data.csv' }, table);
    return { kind: 'csv', file: custom?.fileName ?? 'data.csv', target: table.targetName, ignored: custom?.plan.ignored ?? [], categorical, image: null };
  }
  const source = datasetInfo(choice).source;
  switch (source.kind) {
    case 'synthetic':
    // Points drawn on the plane exist only in the page, as a generated set does: they go with the script.
    case 'drawn':
      // The points themselves (x1, x2): the script computes any engineered features from them, as the playground did.
      return { kind: 'synthetic', name: choice, csv: pointsCsv(table.plane ? ['x1', 'x2'] : table.featureNames, table.targetName, planeCoordinates(table), table.targets) };
    case 'fashionMnist':
      return { kind: 'fashionMnist', file: source.file };
    case 'ownImages': {
      // Images stay in the page: the script reads them from folders, at the size and colour they were trained at.
      const [size = 32, , channels = 1] = table.inputShape ?? [];
      return { kind: 'ownImages', size, channels: channels === 3 ? 3 : 1, classNames: table.classNames ?? [] };
    }
    case 'csv':
      return { kind: 'csv', file: source.file, target: table.targetName, ignored: [], categorical, image: source.image ?? null };
    case 'series':
      return seriesScriptData({ file: source.file }, table);
    case 'generatedSeries':
      // A generated series exists only in the page: its values go with the script.
      return seriesScriptData({ generated: choice }, table);
  }
}

/** The data-side facts an exported model needs, taken when a run starts. */
export function exportMetaFor(choice: DatasetChoice, table: Table, prepared: PreparedData, custom: CustomData | null): ExportMeta {
  const engineered = featureFormulas(table);
  const series = table.series && 'targetScaling' in prepared ? { ...table.series, targetScaling: (prepared as PreparedSeries).targetScaling } : null;
  return {
    dataset: { id: choice, label: choice === 'custom' ? (custom?.fileName ?? 'uploaded CSV') : datasetInfo(choice).label },
    target: table.targetName,
    features: table.featureNames,
    inputShape: inputShapeOf(table),
    encodings: table.encodings ?? [],
    classNames: table.classNames ?? null,
    scaler: prepared.scaler,
    task: table.task,
    script: scriptData(choice, table, custom),
    ...(engineered ? { engineered } : {}),
    series: series
      ? { window: series.window, horizon: series.horizon, timeName: series.timeName, targetScaling: { offset: series.targetScaling.offset, scale: series.targetScaling.scale } }
      : null,
  };
}
