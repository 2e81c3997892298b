// AssemblyScript, compiled to WebAssembly with SIMD at build time
// (scripts/assemblyScriptPlugin.ts): the JavaScript engine's kernels over
// float32 arrays in the one memory the module imports, every pointer a byte
// offset. The module is this file's exports, from the files beside it:
//   dense.as        the dense layer's three products
//   elementwise.as  ReLU forward and backward, Adam's update, the peak loop
//   image.as        im2col, col2im and max pooling (lanes.as: shared helpers)
export { denseForward, weightGradient, inputGradient } from './dense';
export { adam, peak, reluBackward, reluForward } from './elementwise';
export { col2im, im2col, maxPool } from './image';
