#!/usr/bin/env node
import { describeBackend, initBackend } from '@dlkit/backend';

// Until the GAN demo lands, the main job reports which backend would train it, and why.
const info = await initBackend();
console.log(describeBackend(info));
