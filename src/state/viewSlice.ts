import type { StateCreator } from 'zustand';
import type { PlaygroundState } from './store';

/** A node of the network diagram: an input (layerIndex null) or a unit of a Dense layer of the spec. */
export interface NeuronRef {
  /** Index of the Dense layer in the layer stack, or null for an input. */
  layerIndex: number | null;
  /** 0-based unit (or input feature). */
  unit: number;
}

/** What the person picked in the inside views; not saved, since it belongs to the run on screen. */
export interface ViewSlice {
  /** The neuron shown large in the Predictions panel, or null for the model's output. */
  selectedNeuron: NeuronRef | null;
  selectNeuron(neuron: NeuronRef | null): void;
  /** Position in the run's validation rows of the image the feature maps are of (picked there or in the misclassified gallery). */
  pickedImage: number;
  pickImage(index: number): void;
}

export const createViewSlice = (): StateCreator<PlaygroundState, [], [], ViewSlice> => (set) => ({
  selectedNeuron: null,
  selectNeuron(neuron) {
    set({ selectedNeuron: neuron });
  },
  pickedImage: 0,
  pickImage(index) {
    set({ pickedImage: index });
  },
});
