import fs from 'node:fs';
const dir = '/tmp/prof'; const f = fs.readdirSync(dir)[0];
const p = JSON.parse(fs.readFileSync(`${dir}/${f}`));
const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
const dt = new Map(); p.samples.forEach((s, i) => dt.set(s, (dt.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
let total = 0;
for (const n of p.nodes) { const t = dt.get(n.id) ?? 0; total += t; const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + t); }
const byFile = new Map();
for (const n of p.nodes) { const t = dt.get(n.id) ?? 0; const u = n.callFrame.url; const k = u.includes('node_modules') ? u.split('node_modules/')[1].split('/').slice(0, u.includes('@') ? 2 : 1).join('/') : (u.split('/').slice(-2).join('/') || n.callFrame.functionName); byFile.set(k, (byFile.get(k) ?? 0) + t); }
console.log('total ms', (total/1000).toFixed(0));
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
console.log('--- by file');
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(100 * v / total).toFixed(1)}% ${k}`).join('\n'));
