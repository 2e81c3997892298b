import { GradientNormChart } from './GradientNormChart';
import { useTrendLayers } from './trendLayers';
import { WeightDistributionChart } from './WeightDistributionChart';

/** Inside the training: each layer's gradient norm and weight spread per epoch, measured only while this view is open. */
export function TrendsView() {
  const names = useTrendLayers();
  return (
    <div className="trends">
      <GradientNormChart names={names} />
      <WeightDistributionChart names={names} />
    </div>
  );
}
