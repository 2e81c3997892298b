// The chunk lazyCharts.tsx loads: both history charts, and Recharts with them.
export { LossChart } from './LossChart';
export { MetricChart } from './MetricChart';
export { ChartWarmup } from './ChartWarmup';
