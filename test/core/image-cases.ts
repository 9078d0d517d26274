// Small image models for the gradient, plan and agreement tests, built from .nn source by the
// checker (so the layers are what a program gets): every image layer, strides, both paddings,
// odd sizes, one and three channels.
import { SourceFile } from '../../base/source.js';
import { checkSource } from '../../compiler/frontend.js';
import type { Statement } from '../../compiler/program.js';
import type { Case } from './cases.js';

/** A model `m` of these layers and its compile statement, checked; `classes` output units. */
export function imageCase(name: string, layers: string, compile = 'loss="sparse_categorical_crossentropy", optimizer=Adam(learning_rate=0.01), metrics=["accuracy"]', classes = 3): Case {
  const source = `model m = Sequential {\n${layers}\n}\ncompile m(${compile})\n`;
  const checked = checkSource(new SourceFile('case.nn', source), { mode: 'check' });
  if (!checked.program) throw new Error(`${name}: ${checked.diagnostics.map((d) => d.message).join('; ')}`);
  const model = checked.program.models[0]!;
  const st = checked.program.statements[0] as Extract<Statement, { kind: 'compile' }>;
  const regression = st.loss.name === 'mse' || st.loss.name === 'mae' || st.loss.name === 'huber';
  const labels = (x: number[]) => {
    const s = x.reduce((a, b, i) => a + b * Math.sin(i + 1), 0);
    if (regression) return Array.from({ length: classes }, (_, j) => Math.sin(s + j));
    return [s < -0.3 ? 0 : s < 0.3 ? 1 : Math.min(2, classes - 1)];
  };
  return { name, model, config: { loss: st.loss, optimizer: st.optimizer, metrics: st.metrics, span: st.span }, labels };
}

export const imageCases: Case[] = [
  imageCase(
    'the reference convnet, small: Conv2D, MaxPooling2D (odd size), Flatten, Dropout, Dense softmax',
    'Input((9, 10, 1)), Conv2D(4, 3, activation="relu"), MaxPooling2D(2), Conv2D(5, (2, 3), activation="relu"), MaxPooling2D(2), Flatten(), Dropout(0.5), Dense(3, activation="softmax")',
  ),
  imageCase(
    'three channels, strides and "same" padding (no bias before BatchNormalization: its gradient would be rounding noise), BatchNormalization, AveragePooling2D "same", GlobalMaxPooling2D',
    'Input((7, 8, 3)), Conv2D(4, 3, strides=2, padding="same", use_bias=false), BatchNormalization(), Activation("relu"), AveragePooling2D(2, strides=1, padding="same"), Conv2D(3, (3, 2), padding="same", activation="tanh"), GlobalMaxPooling2D(), Dense(3, activation="softmax")',
  ),
  imageCase(
    'a stride-2 "valid" convolution, MaxPooling2D "same" and overlapping, GlobalAveragePooling2D, Rescaling, categorical cross-entropy',
    'Input((9, 9, 2)), Rescaling(0.5, offset=0.1), Conv2D(3, 3, strides=2, activation="elu"), MaxPooling2D(3, strides=1, padding="same"), AveragePooling2D((2, 1), strides=1), GlobalAveragePooling2D(), Dense(3, activation="softmax")',
    'loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"]',
  ),
  imageCase(
    'a stride-2 convolution read by a pooling that leaves a row (behind a Rescaling, so not cropped): its input gradient reads the padded gradient through a division, copied out first',
    'Input((10, 9, 2)), Conv2D(3, 2, activation="relu"), Conv2D(3, 3, strides=2), Rescaling(1), AveragePooling2D(2), Flatten(), Dense(3, activation="softmax")',
  ),
  imageCase(
    'Reshape, Dense on the last axis of an image, BatchNormalization on rows, mse',
    'Input(24), Reshape((4, 3, 2)), Dense(3, activation="relu"), Conv2D(2, (2, 2), use_bias=false), Flatten(), BatchNormalization(momentum=0.5), Dense(2)',
    'loss="mse", optimizer="sgd"',
    2,
  ),
];
