// tfjs-core's Node bundle registers no gradients; this module is bundled into dist (see tsup.config.ts)
// and registers all of them into tfjs's global registry, once, for every backend.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
