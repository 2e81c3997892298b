import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePlayground } from '../../state';

/** Training and validation loss per epoch, redrawn as epochs arrive. */
export function LossChart() {
  const history = usePlayground((state) => state.run.history);
  const epochs = usePlayground((state) => state.run.epochs || state.config.epochs);
  return (
    <figure className="chart" aria-label="Loss per epoch chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={history} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={[1, Math.max(2, epochs)]}
            allowDecimals={false}
            label={{ value: 'epoch', position: 'insideBottom', offset: -12 }}
          />
          <YAxis width={64} label={{ value: 'loss', angle: -90, position: 'insideLeft' }} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Line type="monotone" dataKey="loss" name="loss" stroke="#2563eb" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="valLoss" name="val_loss" stroke="#ea580c" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="hint">Training loss (blue) and validation loss (orange) after each epoch.</figcaption>
    </figure>
  );
}
