import type { Page } from '@playwright/test';
import { pasteOnDataset } from '../w2';

/**
 * W1 in the app: TensorFlow Playground's default network (circle, 2-4-2-1
 * tanh, batch 10, SGD 0.03) for the most epochs the app allows, pasted as
 * Keras code on the circle set, as a person would.
 */
export const setUpW1InApp = (page: Page): Promise<void> =>
  pasteOnDataset(
    page,
    'circle',
    `model = keras.Sequential([
    layers.Dense(4, activation='tanh', input_shape=[2]),
    layers.Dense(2, activation='tanh'),
    layers.Dense(1, activation='sigmoid'),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.03), loss='binary_crossentropy', metrics=['binary_accuracy'])
model.fit(X_train, y_train, batch_size=10, epochs=2000)`,
  );
