import { useState } from 'react';
import { usePlayground } from '../../state';

/** "Load CSV": a file picker that also takes a file dropped on it. */
export function CsvUpload() {
  const uploadError = usePlayground((state) => state.uploadError);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const upload = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setBusy(true);
    try {
      await usePlayground.getState().uploadCsv(file, file.name);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className={`csv-upload${over ? ' drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void upload(event.dataTransfer.files[0]);
      }}
    >
      <label className="file-label">
        Load CSV…
        <input
          className="sr-only"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          onChange={(event) => {
            void upload(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      <span className="hint">{busy ? 'Reading the file…' : 'or drop a CSV file here'}</span>
      {uploadError && (
        <p role="alert" className="error">
          {uploadError}
        </p>
      )}
    </div>
  );
}
