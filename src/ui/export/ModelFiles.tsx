import { useEffect, useRef, useState } from 'react';
import { usePlayground } from '../../state';
import { exportFiles, type ExportFile, type ExportFormat } from '../../state/exportFiles';
import { shippedDownload, shippedScriptFile } from '../../state/shippedFiles';
import { IMAGES_ARCHIVE, ownImagesArchive, ownImagesScript } from '../../state/ownImagesArchive';

/** Hands files to the browser as downloads. */
function download(files: ExportFile[]): void {
  for (const file of files) {
    const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/**
 * Export the trained model (one JSON file, the tfjs model.json + weights.bin
 * pair, or a Keras script) and import one back. A paused run's model is
 * fetched from the worker first.
 */
export function ModelFiles() {
  const run = usePlayground((state) => state.run);
  const importError = usePlayground((state) => state.importError);
  const imported = usePlayground((state) => state.imported?.fileName ?? null);
  const [pending, setPending] = useState<ExportFormat | null>(null);
  const [dataError, setDataError] = useState<string | null>(null);
  const [fromWeights, setFromWeights] = useState(false);
  const script = run.data?.exportMeta.script ?? null;
  const weightsPossible = script !== null;
  const picker = useRef<HTMLInputElement>(null);
  const hasRun = run.data !== null && run.history.length > 0;
  const modelReady = run.model !== null;
  const canExport = hasRun && (modelReady || run.phase === 'paused');

  /** Downloads a format's files, with the shipped data file a script reads beside it. */
  const deliver = (format: ExportFormat) => {
    const files = exportFiles(run, format);
    if (!files) return;
    const shipped = format === 'keras' || format === 'kerasWeights' ? shippedScriptFile(run) : null;
    const images = format === 'keras' || format === 'kerasWeights' ? ownImagesScript(run) : null;
    if (images) {
      // The person's images exist only in this page: they go with the script as images.zip, encoded here.
      setDataError(null);
      ownImagesArchive(usePlayground.getState().ownImages, images)
        .then((file) => download([...files, file]))
        .catch((error: unknown) => {
          download(files);
          setDataError(`The script downloaded without ${IMAGES_ARCHIVE}: ${error instanceof Error ? error.message : String(error)}. Train again to export the images with it.`);
        });
      return;
    }
    if (!shipped) {
      download(files);
      return;
    }
    // The script reads the dataset's file from its own folder: it downloads with it.
    setDataError(null);
    shippedDownload(shipped)
      .then((file) => download([...files, file]))
      .catch((error: unknown) => {
        download(files);
        setDataError(`The script downloaded without ${shipped}: ${error instanceof Error ? error.message : String(error)}. Save the dataset beside the script to run it.`);
      });
  };

  useEffect(() => {
    if (pending && run.model) {
      deliver(pending);
      setPending(null);
    }
    // deliver reads the same run; it is not a dependency of its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pending, run]);

  const exportAs = (format: ExportFormat) => {
    if (format !== 'keras' && !run.model) {
      setPending(format);
      usePlayground.getState().requestModel();
      return;
    }
    deliver(format);
  };

  const why = !hasRun ? 'Train a model first.' : canExport ? undefined : 'Pause or stop the run to export its model.';
  return (
    <div className="model-files">
      <div className="buttons">
        <button type="button" onClick={() => exportAs('json')} disabled={!canExport} title={why ?? 'One JSON file with the weights and what the model expects'}>
          Export model
        </button>
        <button type="button" onClick={() => exportAs('pair')} disabled={!canExport} title={why ?? 'The model.json + weights.bin pair tf.loadLayersModel reads'}>
          Export tfjs pair
        </button>
        <button type="button" onClick={() => exportAs(fromWeights && weightsPossible ? 'kerasWeights' : 'keras')} disabled={!hasRun || (fromWeights && weightsPossible && !canExport)} title={hasRun ? 'A Keras script that repeats this experiment, with the data file it reads' : why}>
          Export Keras script
        </button>
        <button type="button" onClick={() => picker.current?.click()}>
          Import model
        </button>
        <input
          ref={picker}
          className="sr-only"
          type="file"
          accept=".json,.bin,application/json"
          multiple
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) void usePlayground.getState().importModel(files);
          }}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={fromWeights && weightsPossible} disabled={!weightsPossible} onChange={(event) => setFromWeights(event.target.checked)} />
        Keras script starts from the trained weights
      </label>
      {fromWeights && weightsPossible && (
        <p className="hint">The script downloads with the model file it reads the weights and the scaler from, and continues training in Keras from there.</p>
      )}
      {imported && <p className="hint">Weights from {imported}; the next run continues from them until you change the layers.</p>}
      {dataError && (
        <p role="alert" className="error">
          {dataError}
        </p>
      )}
      {importError && (
        <p role="alert" className="error">
          {importError}
        </p>
      )}
    </div>
  );
}
