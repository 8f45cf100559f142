// `npm run build` (also run by `npm install`): makes what `npm start` would otherwise make at its
// start — the static assets (api/src/http/assets.ts) and the prepared embedded databases
// (api/src/snapshots.ts) — for the current state of the code, into node_modules/.cache/.
import { builtAssets, sourcesHash } from '../src/http/assets.ts';
import { snapshots, snapshotsHash } from '../src/snapshots.ts';

let started = performance.now();
const { bodies, built } = await builtAssets();
const size = (name: string) => `${name} ${Math.round(Buffer.byteLength(bodies[name] ?? '') / 1024)} KB`;
console.log(
  `Assets ${await sourcesHash()}: ${built ? 'built' : 'already built'} in ${Math.round(performance.now() - started)} ms` +
    ` (${['form.js', 'console.js', 'register.js'].map(size).join(', ')})`,
);
started = performance.now();
const { made } = await snapshots();
console.log(`Databases ${await snapshotsHash()}: ${made ? 'made' : 'already made'} in ${Math.round(performance.now() - started)} ms`);
