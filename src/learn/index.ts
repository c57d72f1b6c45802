// A small toolkit for trained linear models: hashed integer features, the averaged perceptron,
// its run-time form (sparse quantised rows in typed arrays), the training loop and the model file.
export { FeatureBuffer, FeatureCounter, feature1, feature2, feature3, hashString } from './features';
export { AveragedPerceptron } from './perceptron';
export { argmax, LinearModel, type LinearWeights } from './linear';
export { fit, type FitHooks, type FitOptions, type FitResult } from './fit';
export { decodeModel, encodeModel, fileSha256, MODEL_FORMAT_VERSION, readModelFile, sha256, writeModelFile, type ModelContent, type ModelExpectation, type ModelHeader, type ModelSection } from './model-file';
