import { expect, test } from '@playwright/test';
import { openPlayground } from './helpers';

test('pasted Keras code becomes the layer stack and the training settings', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([
    layers.Dense(32, activation='elu', input_shape=[8]),
    layers.Dropout(rate=0.2),
    layers.BatchNormalization(),
    layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.003), loss='huber')
early_stopping = callbacks.EarlyStopping(min_delta=0.01, patience=7, restore_best_weights=True)
model.fit(X_train, y_train, batch_size=64, epochs=30, callbacks=[early_stopping])`);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  // Everything was taken; what the code left out is listed, and replacing input_shape is a note, not a failure.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toContainText('Applied.');
  await expect(dialog).toContainText(
    "Set from Keras's defaults: monitor val_loss (EarlyStopping's default), mode auto (EarlyStopping's default), no baseline (EarlyStopping's default).",
  );
  await expect(dialog.getByRole('list', { name: 'Notes' })).toContainText('the playground keeps its validation split');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  const layers = page.getByRole('list', { name: 'Layers' }).getByRole('listitem');
  await expect(layers).toHaveCount(4);
  await expect(layers.first().getByRole('spinbutton', { name: 'Units' })).toHaveValue('32');
  await expect(layers.first().getByRole('combobox', { name: 'Activation' })).toHaveValue('elu');
  await expect(page.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('rmsprop');
  await expect(page.getByRole('combobox', { name: 'Loss' })).toHaveValue('huber');
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.003');
  await expect(page.getByRole('slider', { name: 'Batch size' })).toHaveAttribute('aria-valuetext', '64');
  await expect(page.getByRole('slider', { name: 'Epochs' })).toHaveAttribute('aria-valuetext', '30');
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Patience' })).toHaveValue('7');
  await expect(page.getByRole('combobox', { name: 'Monitor' })).toHaveValue('val_loss');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});

test("what pasted code leaves out takes Keras's defaults, and the dialog lists each one", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([
    layers.Dense(16, activation='relu', input_shape=[99]),
    layers.Dense(1),
])
model.compile(optimizer='sgd', loss='mae')
early_stopping = callbacks.EarlyStopping()
model.fit(X, y, validation_split=0.25, callbacks=[early_stopping])`);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toContainText(
    // In the order of the code: compile, EarlyStopping, fit.
    "Set from Keras's defaults: learning rate 0.01 (SGD's default), monitor val_loss (EarlyStopping's default), mode auto (EarlyStopping's default), patience 0 (EarlyStopping's default), min delta 0 (EarlyStopping's default), restore best weights off (EarlyStopping's default), no baseline (EarlyStopping's default), batch size 32 (fit's default), epochs 1 (fit's default).",
  );
  const notes = dialog.getByRole('list', { name: 'Notes' });
  await expect(notes).toContainText("The code's input_shape [99] differs from this dataset's");
  await expect(notes).toContainText('Keras trains one epoch when fit is given no epochs');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.01');
  await expect(page.getByRole('slider', { name: 'Batch size' })).toHaveAttribute('aria-valuetext', '32');
  await expect(page.getByRole('slider', { name: 'Epochs' })).toHaveAttribute('aria-valuetext', '1');
  await expect(page.getByRole('checkbox', { name: 'Early stopping' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Restore best weights' })).not.toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Patience' })).toHaveValue('0');
  await expect(page.getByRole('spinbutton', { name: 'Min delta' })).toHaveValue('0');
});

test('an optimizer setting the playground does not train with is named in the notes, with the value it trains with', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([layers.Dense(8, activation='relu'), layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.02, momentum=0.5, nesterov=True), loss='mae')
model.fit(X, y, epochs=20)`);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const notes = dialog.getByRole('list', { name: 'Notes' });
  await expect(notes).toContainText("SGD(momentum=0.5): the playground's SGD with momentum uses momentum 0.9, so it trains with 0.9, not 0.5.");
  await expect(notes).toContainText("SGD(nesterov=True): the playground's SGD runs with nesterov=False, so it trains with that.");
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('momentum');
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.02');
});

test('an EarlyStopping monitor the playground does not log is reported; val_accuracy is followed', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('moons');
  const paste = async (monitor: string) => {
    await page.getByRole('button', { name: 'Paste Keras code' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
    await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([layers.Dense(8, activation='relu', input_shape=[2]), layers.Dense(1, activation='sigmoid')])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss='binary_crossentropy', metrics=['accuracy'])
early_stopping = callbacks.EarlyStopping(monitor='${monitor}', mode='max', patience=5, min_delta=0, restore_best_weights=True, baseline=None)
model.fit(X, y, batch_size=16, epochs=50, validation_split=0.2, callbacks=[early_stopping])`);
    await dialog.getByRole('button', { name: 'Apply' }).click();
    return dialog;
  };
  const wrong = await paste('val_precision');
  await expect(wrong.getByRole('alert')).toContainText('Applied, except:');
  await expect(wrong.getByRole('alert')).toContainText('EarlyStopping monitors "val_precision", which the playground does not log');
  await wrong.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('combobox', { name: 'Monitor' })).toHaveValue('val_loss');
  const right = await paste('val_accuracy');
  await expect(right).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Monitor' }).locator('option:checked')).toHaveText('val_accuracy');
  await expect(page.getByRole('combobox', { name: 'Mode' })).toHaveValue('max');
});

test('code it cannot read is reported with line numbers and changes nothing', async ({ page }) => {
  await openPlayground(page);
  const before = await page.getByRole('list', { name: 'Layers' }).textContent();
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill('import numpy as np\nmodel = keras.Sequential([\n    layers.Conv1D(32, 3),\n])');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Nothing was applied.');
  await expect(dialog.getByRole('alert')).toContainText('Line 3: The playground cannot build a Conv1D layer.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  expect(await page.getByRole('list', { name: 'Layers' }).textContent()).toBe(before);
});

test('settings out of bounds in pasted code are not taken, and the dialog says which', async ({ page }) => {
  await openPlayground(page);
  const epochs = page.getByRole('slider', { name: 'Epochs' });
  const epochsBefore = await epochs.getAttribute('aria-valuetext');
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill(`model = keras.Sequential([
    layers.Dense(16, activation='relu', input_shape=[8]),
    layers.Dense(1),
])
model.compile(optimizer='adam', loss='mae')
model.fit(X, y, batch_size=16, epochs=99999)`);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Applied, except:');
  await expect(alert).toContainText(`Epochs must be a whole number from 1 to 10,000 (it is 99999). The current value, ${epochsBefore}, is kept.`);
  await expect(dialog).toContainText("Set from Keras's defaults: learning rate 0.001 (Adam's default).");
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('slider', { name: 'Learning rate' })).toHaveAttribute('aria-valuetext', '0.001');
  // The rest was applied, and the experiment can train.
  await expect(page.getByRole('list', { name: 'Layers' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('slider', { name: 'Batch size' })).toHaveAttribute('aria-valuetext', '16');
  await expect(epochs).toHaveAttribute('aria-valuetext', epochsBefore!);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});

test('a batch size larger than the training rows is clamped for the run and said', async ({ page }) => {
  await openPlayground(page, '?backend=wasm');
  await page.getByRole('button', { name: 'Paste Keras code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste Keras code' });
  await dialog.getByRole('textbox', { name: 'Keras code' }).fill('model = keras.Sequential([layers.Dense(8, input_shape=[8]), layers.Dense(1)])\nmodel.fit(X, y, batch_size=5000, epochs=3)');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  // Without validation_split Keras would validate on nothing; the dialog says the playground keeps its split.
  await expect(dialog.getByRole('list', { name: 'Notes' })).toContainText('the playground keeps its validation split');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByText('Batch size 5000 is larger than the 824 training rows, so this run uses 824.')).toBeVisible();
  await expect(page.getByLabel('Run settings')).toContainText('batch size 824 (1 step per epoch)');
  await expect(page.getByRole('status')).toContainText('Finished 3 epochs');
});
