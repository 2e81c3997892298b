import { LossChart } from './charts/LossChart';
import { HistoryTable } from './charts/HistoryTable';
import { RunControls } from './controls/RunControls';
import { TrainingSettings } from './controls/TrainingSettings';
import { AboutData } from './data/AboutData';
import { DatasetPicker } from './data/DatasetPicker';
import { LayerList } from './layers/LayerList';
import { ModelSummary } from './layers/ModelSummary';
import { BackendBadge } from './run/BackendBadge';
import { Notices } from './run/Notices';
import { StatusLine } from './run/StatusLine';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Neural-network playground</h1>
        <BackendBadge />
      </header>
      <Notices />
      <main className="app-main">
        <section className="panel" aria-labelledby="data-heading">
          <h2 id="data-heading">Data</h2>
          <DatasetPicker />
          <AboutData />
        </section>
        <section className="panel" aria-labelledby="model-heading">
          <h2 id="model-heading">Model</h2>
          <LayerList />
          <ModelSummary />
          <TrainingSettings />
        </section>
        <section className="panel panel-wide" aria-labelledby="training-heading">
          <h2 id="training-heading">Training</h2>
          <RunControls />
          <StatusLine />
          <LossChart />
          <HistoryTable />
        </section>
      </main>
    </div>
  );
}
