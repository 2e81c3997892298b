import { createRng } from '../../data/rng';

/**
 * Keras's `Orthogonal` initializer for a rows × cols matrix, seeded, in plain
 * JavaScript: a standard-normal matrix of max(rows, cols) × min(rows, cols)
 * made orthonormal column by column (its QR factor Q with a positive
 * diagonal of R, as Keras's sign correction gives), transposed when the
 * matrix is wide. Row-major, rows × cols.
 *
 * Why not tfjs's own: `tf.initializers.orthogonal` runs its QR as hundreds of
 * small tensor operations; measured in Node on the CPU backend, the recurrent
 * kernel of LSTM(64) (64 × 256) took 1.6 s and of LSTM(128) 12.8 s, which
 * would freeze a run's start. Modified Gram–Schmidt here takes milliseconds.
 */
export function orthogonal(rows: number, cols: number, seed: number, gain = 1): Float32Array {
  const tall = rows >= cols;
  const m = tall ? rows : cols;
  const n = tall ? cols : rows;
  const rng = createRng(seed);
  // Column j of the m × n matrix in q[j * m .. (j + 1) * m), in Float64 so that orthogonality holds to ~1e-7 after rounding.
  const q = new Float64Array(m * n);
  for (let i = 0; i < q.length; i++) q[i] = rng.normal();
  for (let j = 0; j < n; j++) {
    const col = q.subarray(j * m, (j + 1) * m);
    for (let k = 0; k < j; k++) {
      const prev = q.subarray(k * m, (k + 1) * m);
      let dot = 0;
      for (let i = 0; i < m; i++) dot += prev[i]! * col[i]!;
      for (let i = 0; i < m; i++) col[i]! -= dot * prev[i]!;
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm);
    // A zero column has probability 0 with normal draws; guard anyway rather than divide by 0.
    const scale = norm > 1e-12 ? 1 / norm : 0;
    for (let i = 0; i < m; i++) col[i]! *= scale;
  }
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Tall: out[r][c] = Q[r][c] (column c, entry r). Wide: out = Qᵀ, out[r][c] = Q[c][r] (column r, entry c).
      out[r * cols + c] = gain * (tall ? q[c * m + r]! : q[r * m + c]!);
    }
  }
  return out;
}
