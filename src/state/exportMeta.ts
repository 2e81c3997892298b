import { datasetInfo } from '../data/datasets';
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
      return { kind: 'synthetic', name: choice, csv: pointsCsv(table.featureNames, table.targetName, table.features, table.targets) };
    case 'fashionMnist':
      return { kind: 'fashionMnist', file: source.file };
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
    series: series
      ? { window: series.window, horizon: series.horizon, timeName: series.timeName, targetScaling: { offset: series.targetScaling.offset, scale: series.targetScaling.scale } }
      : null,
  };
}
