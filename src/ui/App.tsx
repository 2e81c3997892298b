import { HistoryTable } from './charts/HistoryTable';
import { LossChart } from './charts/LossChart';
import { MetricChart } from './charts/MetricChart';
import { StepLossChart } from './charts/StepLossChart';
import { RunsList } from './charts/RunsList';
import { RegularizationControls } from './controls/RegularizationControls';
import { RunControls } from './controls/RunControls';
import { OpenDetails } from './common/OpenDetails';
import { TrainingControls } from './controls/TrainingControls';
import { ModelFiles } from './export/ModelFiles';
import { AboutData } from './data/AboutData';
import { ColumnPlanner } from './data/ColumnPlanner';
import { CsvUpload } from './data/CsvUpload';
import { DataPreview } from './data/DataPreview';
import { DatasetPicker } from './data/DatasetPicker';
import { SeriesControls } from './data/SeriesControls';
import { SyntheticControls } from './data/SyntheticControls';
import { LayerEditor } from './layers/LayerEditor';
import { ModelSummary } from './layers/ModelSummary';
import { NetworkDiagram } from './network/lazyNetwork';
import { FeatureMapsView } from './featureMaps/lazyFeatureMaps';
import { TrendsView } from './trends/lazyTrends';
import { WeightsView } from './layers/WeightsView';
import { PredictionsPanel } from './predictions/PredictionsPanel';
import { BackendBadge } from './run/BackendBadge';
import { CopyLink } from './run/CopyLink';
import { FitBadge } from './run/FitBadge';
import { LessonCard, LessonPicker } from './run/Lessons';
import { Notices } from './run/Notices';
import { RunInfo } from './run/RunInfo';
import { StatusLine } from './run/StatusLine';
import { SkipLinks } from './common/SkipLinks';

/**
 * One screen at 1280×800: data and training settings on the left, the
 * network in the middle, the run and its curves on the right.
 */
export function App() {
  return (
    <div className="app">
      <SkipLinks />
      <header className="app-header">
        <h1>Neural-network playground</h1>
        <LessonPicker />
        <CopyLink />
        <BackendBadge />
      </header>
      <Notices />
      <main className="app-main">
        <section className="panel" aria-labelledby="data-heading">
          <h2 id="data-heading" tabIndex={-1}>
            Data
          </h2>
          <DatasetPicker />
          <CsvUpload />
          <SyntheticControls />
          <SeriesControls />
          <ColumnPlanner />
          <DataPreview />
          <AboutData />
          <TrainingControls />
          <RegularizationControls />
        </section>
        <section className="panel" aria-labelledby="model-heading">
          <h2 id="model-heading" tabIndex={-1}>
            Model
          </h2>
          <LayerEditor />
          <ModelSummary />
          <OpenDetails summary="Network">
            <NetworkDiagram />
          </OpenDetails>
          <OpenDetails summary="Feature maps and drawing"><FeatureMapsView /></OpenDetails>
          <OpenDetails summary="Predictions" initiallyOpen>
            <PredictionsPanel />
          </OpenDetails>
          <OpenDetails summary="Weights">
            <WeightsView />
          </OpenDetails>
        </section>
        <section className="panel panel-wide" aria-labelledby="training-heading">
          <h2 id="training-heading" className="sr-only">
            Run
          </h2>
          <LessonCard />
          <RunControls />
          <StatusLine />
          <FitBadge />
          <RunInfo />
          <ModelFiles />
          <LossChart />
          <StepLossChart />
          <MetricChart />
          <OpenDetails summary="Gradients and weights">
            <TrendsView />
          </OpenDetails>
          <HistoryTable />
          <RunsList />
        </section>
      </main>
    </div>
  );
}
