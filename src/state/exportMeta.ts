import { datasetInfo } from '../data/datasets';
import type { Scaler } from '../data/scaler';
import { inputShapeOf, type Table } from '../data/table';
import { pointsCsv, type ScriptData } from '../model/file/kerasScript';
import type { CustomData } from './customData';
import type { DatasetChoice } from './dataSlice';
import type { ExportMeta } from './runState';

/** How a Keras script would read the data of a dataset choice. */
function scriptData(choice: DatasetChoice, table: Table, custom: CustomData | null): ScriptData {
  const categorical = (table.encodings ?? []).map((encoding) => encoding.column);
  if (choice === 'custom') {
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
      return { kind: 'series', file: source.file };
    case 'generatedSeries':
      return { kind: 'series', file: null };
  }
}

/** The data-side facts an exported model needs, taken when a run starts. */
export function exportMetaFor(choice: DatasetChoice, table: Table, scaler: Scaler, custom: CustomData | null): ExportMeta {
  return {
    dataset: { id: choice, label: choice === 'custom' ? (custom?.fileName ?? 'uploaded CSV') : datasetInfo(choice).label },
    target: table.targetName,
    features: table.featureNames,
    inputShape: inputShapeOf(table),
    encodings: table.encodings ?? [],
    classNames: table.classNames ?? null,
    scaler,
    task: table.task,
    script: scriptData(choice, table, custom),
  };
}
