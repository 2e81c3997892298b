import { describe, expect, it } from 'vitest';
import type { LossPoint } from './curves';
import { diagnose } from './diagnosis';
import type { CorpusFile } from './fixtures/corpusFormat';
import { toNumber } from './fixtures/corpusFormat';
import corpusJson from './fixtures/curveCorpus.json';
import { curveLabels } from './fixtures/curveLabels';

const corpus = corpusJson as CorpusFile;

/** Every labelled curve, and every labelled view of one part-way, as a case. */
const cases = corpus.curves.flatMap((curve) => {
  const history: LossPoint[] = curve.epochs.map(([epoch, loss, valLoss]) => ({ epoch, loss: toNumber(loss), valLoss: toNumber(valLoss) }));
  const label = curveLabels[curve.id];
  const options = { restoredFrom: curve.outcome.restoredFrom, constantLoss: curve.constantValLoss };
  const full = { name: curve.id, history, options, state: label?.state, why: label?.why ?? '' };
  // Part-way the run had not ended, so nothing was restored yet.
  const views = (label?.views ?? []).map((view) => ({
    name: `${curve.id} after ${view.upTo} epochs`,
    history: history.slice(0, view.upTo),
    options: { constantLoss: curve.constantValLoss },
    state: view.state,
    why: view.why,
  }));
  return [full, ...views];
});

describe('the fit badge on the corpus of real training curves (src/model/fixtures)', () => {
  it('has a label for every curve and at least 40 curves', () => {
    expect(corpus.curves.length).toBeGreaterThanOrEqual(40);
    expect(corpus.curves.filter((c) => !curveLabels[c.id]).map((c) => c.id)).toEqual([]);
    expect(Object.keys(curveLabels).filter((id) => !corpus.curves.some((c) => c.id === id))).toEqual([]);
  });

  it.each(cases)('$name: $state', ({ history, options, state, why }) => {
    expect({ state: diagnose(history, options).state, why }).toEqual({ state, why });
  });
});
