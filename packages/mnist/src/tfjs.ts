export { type MnistTensors, type ToTensorsOptions, toTensors } from './to-tensors';
