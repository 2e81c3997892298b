import type { TaskSpec } from '../model/task';
import { buildTable } from './buildTable';
import { describeColumns } from './columns';
import { parseCsvText } from './csvParse';
import { asImages, parseFashionMnist } from './images';
import { generateSeries, parseSeriesCsv, type SeriesGeneratorName, type SeriesOptions } from './seriesSources';
import { generate, type GeneratorName, type SyntheticOptions } from './synthetic';
import type { Table } from './table';

/** Where a shipped dataset comes from and under which terms, shown in "About the data". */
export interface Credit {
  origin: string;
  via: string;
  licence: string;
  url: string;
}

export type DatasetSource =
  | { kind: 'synthetic'; generator: GeneratorName; defaults: SyntheticOptions }
  | {
      kind: 'csv';
      file: string;
      task: TaskSpec;
      /** Pixel columns making up images of this size, with this largest pixel value. */
      image?: { height: number; width: number; maxValue: number };
    }
  | { kind: 'fashionMnist'; file: string }
  /** A shipped time series: a time column first, the series last (see seriesSources). */
  | { kind: 'series'; file: string }
  | { kind: 'generatedSeries'; generator: SeriesGeneratorName; defaults: SeriesOptions }
  /** Points the person draws on the plane (see drawnPoints.ts); they live in the store, not in a file. */
  | { kind: 'drawn' }
  /** Images the person loads in the page, class by class (see ownImages.ts); kept in memory only. */
  | { kind: 'ownImages' };

export interface DatasetInfo {
  label: string;
  /** Optgroup in the Dataset select. */
  group: '2-D (synthetic)' | 'Tables' | 'Images' | 'Time series';
  description: string;
  source: DatasetSource;
  credit?: Credit;
}

const uci = (name: string, id: string): Pick<Credit, 'licence' | 'url'> & { origin: string } => ({
  origin: `${name}, UCI Machine Learning Repository`,
  licence: 'CC BY 4.0',
  url: `https://archive.ics.uci.edu/dataset/${id}`,
});

const synthetic = (generator: GeneratorName, label: string, description: string, noise = 0.2): DatasetInfo => ({
  label,
  group: '2-D (synthetic)',
  description,
  source: { kind: 'synthetic', generator, defaults: { numPoints: 500, noise, seed: 1 } },
});

const generatedSeries = (generator: SeriesGeneratorName, label: string, description: string, noise: number): DatasetInfo => ({
  label,
  group: 'Time series',
  description,
  source: { kind: 'generatedSeries', generator, defaults: { length: 400, noise, seed: 1 } },
});

/** The three series come from statsmodels' datasets; the originals are NOAA's and Scripps's, in the public domain. */
const statsmodels = (name: string, how = ''): string => `Python package statsmodels 0.15.0, dataset "${name}"${how}`;

export const datasets = {
  concrete: {
    label: 'Concrete strength',
    group: 'Tables',
    description:
      'Compressive strength (MPa) of 1,030 concrete mixes from their 8 ingredients and age. The course uses it for deep regression networks.',
    source: { kind: 'csv', file: 'concrete.csv', task: { kind: 'regression' } },
    credit: { ...uci('I-Cheng Yeh (1998), Concrete Compressive Strength', '165/concrete+compressive+strength'), via: 'Debian package r-cran-modeldata 1.1.0' },
  },
  autoMpg: {
    label: 'Auto MPG',
    group: 'Tables',
    description: 'Fuel economy (miles per gallon) of 392 cars of 1970–82; origin (USA, Europe, Japan) is a category, one-hot encoded.',
    source: { kind: 'csv', file: 'auto_mpg.csv', task: { kind: 'regression' } },
    credit: { ...uci('Auto MPG (StatLib, 1982)', '9/auto+mpg'), via: 'npm package vega-datasets 3.2.1, rows with missing values dropped' },
  },
  diabetes: {
    label: 'Diabetes progression',
    group: 'Tables',
    description: 'Disease progression one year on for 442 patients, from age, sex, BMI, blood pressure and six blood serum measurements.',
    source: { kind: 'csv', file: 'diabetes.csv', task: { kind: 'regression' } },
    credit: {
      origin: 'Efron, Hastie, Johnstone and Tibshirani (2004), "Least Angle Regression", Annals of Statistics',
      via: 'Debian package python3-sklearn 1.2.1',
      licence: 'BSD-3-Clause (as shipped with scikit-learn)',
      url: 'https://www4.stat.ncsu.edu/~boos/var.select/diabetes.html',
    },
  },
  ionosphere: {
    label: 'Ionosphere radar',
    group: 'Tables',
    description: 'Is a radar return from the ionosphere good (1) or bad (0)? 351 returns, 33 features: the course’s binary classification example.',
    source: { kind: 'csv', file: 'ionosphere.csv', task: { kind: 'binary' } },
    credit: { ...uci('Ionosphere (Johns Hopkins University Applied Physics Laboratory)', '52/ionosphere'), via: 'Debian package r-cran-mlbench 2.1-3, constant column V2 dropped' },
  },
  breastCancer: {
    label: 'Breast cancer',
    group: 'Tables',
    description: 'Is a breast mass malignant (1) or benign (0)? 569 cases, 30 measurements of cell nuclei from a fine-needle aspirate.',
    source: { kind: 'csv', file: 'breast_cancer.csv', task: { kind: 'binary' } },
    credit: { ...uci('Breast Cancer Wisconsin (Diagnostic)', '17/breast+cancer+wisconsin+diagnostic'), via: 'Debian package python3-sklearn 1.2.1' },
  },
  wine: {
    label: 'Wine cultivars',
    group: 'Tables',
    description: 'Which of 3 cultivars a wine comes from, from 13 chemical measurements of 178 wines.',
    source: { kind: 'csv', file: 'wine.csv', task: { kind: 'multiclass', numClasses: 3 } },
    credit: { ...uci('Wine', '109/wine'), via: 'Debian package python3-sklearn 1.2.1' },
  },
  digits: {
    label: 'Handwritten digits 8×8',
    group: 'Images',
    description: '1,797 handwritten digits as 8 × 8 grey images (0–16): a small CNN reads them well.',
    source: {
      kind: 'csv',
      file: 'digits_8x8.csv',
      task: { kind: 'multiclass', numClasses: 10 },
      image: { height: 8, width: 8, maxValue: 16 },
    },
    credit: { ...uci('Optical Recognition of Handwritten Digits', '80/optical+recognition+of+handwritten+digits'), via: 'Debian package python3-sklearn 1.2.1' },
  },
  fashion: {
    label: 'Fashion-MNIST (2,000)',
    group: 'Images',
    description: '2,000 grey 28 × 28 photos of clothes in 10 classes, 200 each, from the Fashion-MNIST test set.',
    source: { kind: 'fashionMnist', file: 'fashion_mnist_2000.bin' },
    credit: {
      origin: 'Han Xiao, Kashif Rasul and Roland Vollgraf (2017), Fashion-MNIST, Zalando SE',
      via: 'Debian package dataset-fashion-mnist',
      licence: 'MIT',
      url: 'https://github.com/zalandoresearch/fashion-mnist',
    },
  },
  images: {
    label: 'Your own images',
    group: 'Images',
    description:
      'Images you load, a few classes of them (files per class, a folder per class, or a zip of folders). They stay in this page: nothing is uploaded, and they are not kept across reloads.',
    source: { kind: 'ownImages' },
  },
  sunspots: {
    label: 'Sunspots (yearly)',
    group: 'Time series',
    description:
      'Yearly mean number of sunspots, 1700–2008 (309 years): an irregular cycle of about 11 years. Forecast the next year from the last 20; the last years are held out.',
    source: { kind: 'series', file: 'sunspots_yearly.csv' },
    credit: {
      origin: 'NOAA National Geophysical Data Center, yearly sunspot numbers',
      via: statsmodels('sunspots'),
      licence: 'Public domain (US government work)',
      url: 'https://www.statsmodels.org/stable/datasets/generated/sunspots.html',
    },
  },
  co2: {
    label: 'Mauna Loa CO₂ (monthly)',
    group: 'Time series',
    description:
      'Monthly mean CO₂ at Mauna Loa in ppm, March 1958 – December 2001 (526 months): a rising trend plus a yearly cycle; the held-out end lies above anything seen in training.',
    source: { kind: 'series', file: 'co2_monthly.csv' },
    credit: {
      origin: 'Scripps Institution of Oceanography, via the Carbon Dioxide Information Analysis Center (CDIAC)',
      via: statsmodels('co2', ', weekly flask readings averaged by month; 5 months without readings filled by linear interpolation'),
      licence: 'Public domain',
      url: 'https://www.statsmodels.org/stable/datasets/generated/co2.html',
    },
  },
  elnino: {
    label: 'El Niño sea temperature (monthly)',
    group: 'Time series',
    description:
      'Monthly sea-surface temperature (°C) of the Niño 1+2 region, 1950–2010 (732 months): a strong yearly cycle with irregular El Niño warm years.',
    source: { kind: 'series', file: 'elnino_sst_monthly.csv' },
    credit: {
      origin: 'NOAA National Weather Service, Climate Prediction Center, ERSST.V3B',
      via: statsmodels('elnino', ', reshaped from one row a year to one row a month'),
      licence: 'Public domain (US government work)',
      url: 'https://www.statsmodels.org/stable/datasets/generated/elnino.html',
    },
  },
  sine: generatedSeries('noisySine', 'Noisy sine', 'A sine with a period of 25 steps plus seeded noise: the simplest series to forecast.', 0.1),
  sinesTrend: generatedSeries(
    'sinesTrend',
    'Two sines and a trend',
    'Two cycles (40 and 9 steps) on a slow rise, with noise: the validation part lies higher than the training part.',
    0.1,
  ),
  squareWave: generatedSeries('squareWave', 'Square wave', 'Flat stretches of ±1 that flip every 15 steps, with noise: the jumps are what is hard.', 0.05),
  circle: synthetic('circle', 'Circle', 'A disk of one class inside a ring of the other: no straight line separates them.'),
  xor: synthetic('xor', 'XOR', 'Opposite quadrants share a class: a single neuron cannot learn it, one hidden layer can.'),
  gauss: synthetic('gauss', 'Two Gaussians', 'Two round clouds: a single straight line separates them.', 0.5),
  spiral: synthetic('spiral', 'Spiral', 'Two interleaved spiral arms: a hard boundary that needs a deeper network.', 0.1),
  moons: synthetic('moons', 'Moons', 'Two interlocking half-moons: a gently curved boundary.'),
  plane: synthetic('plane', 'Plane (regression)', 'Predict the height of a tilted plane from the point: a single linear neuron is enough.'),
  multiGauss: synthetic('multiGauss', 'Bumps (regression)', 'Predict the height of four hills and valleys: needs hidden layers.'),
  drawn: {
    label: 'Your own points',
    group: '2-D (synthetic)',
    description: 'Points you place on the plane yourself: click to add one of the chosen class, drag to erase.',
    source: { kind: 'drawn' },
  },
} as const satisfies Record<string, DatasetInfo>;

export type DatasetId = keyof typeof datasets;

export const datasetIds = Object.keys(datasets) as DatasetId[];

export function isDatasetId(value: string): value is DatasetId {
  return Object.hasOwn(datasets, value);
}

export function datasetInfo(id: DatasetId): DatasetInfo {
  return datasets[id];
}

/** Reads a shipped file; the browser fetches it, tests read it from disk. */
export interface FileSource {
  text(file: string): Promise<string>;
  bytes(file: string): Promise<Uint8Array>;
}

/**
 * Loads or generates a dataset. `options` replace a synthetic set's defaults
 * (noise, points, seed). Throws with a readable message when a shipped file
 * is malformed.
 */
export async function loadDataset(id: DatasetId, files: FileSource, options?: SyntheticOptions): Promise<Table> {
  const source = datasetInfo(id).source;
  switch (source.kind) {
    case 'synthetic':
      return generate(source.generator, options ?? source.defaults);
    case 'fashionMnist':
      try {
        return parseFashionMnist(await files.bytes(source.file));
      } catch (error) {
        throw new Error(`${source.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    case 'series':
      try {
        return parseSeriesCsv(await files.text(source.file));
      } catch (error) {
        throw new Error(`${source.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    case 'generatedSeries':
      return generateSeries(source.generator, source.defaults);
    case 'ownImages':
      // Never a file: the data slice builds the table from the images in memory.
      throw new Error('your own images are loaded in the page, not from a file: add them again (they are not kept across reloads)');
    case 'drawn':
      // The points are the person's, kept in the page's state: there is nothing to load.
      throw new Error('Your own points are drawn in the page; select "Your own points" and draw them there.');
    case 'csv': {
      const parsed = parseCsvText(await files.text(source.file));
      if (!parsed.ok) throw new Error(`${source.file}: ${parsed.message}`);
      const columns = describeColumns(parsed.raw);
      const target = parsed.raw.columns[parsed.raw.columns.length - 1]!;
      const built = buildTable(parsed.raw, columns, { target, ignored: [], task: source.task, missing: 'drop' });
      if (!built.ok) throw new Error(`${source.file}: ${built.message}`);
      const { image } = source;
      return image ? asImages(built.table, image.height, image.width, image.maxValue) : built.table;
    }
  }
}
