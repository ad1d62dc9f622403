#!/usr/bin/env node
// echarts_geojson.js FILE — one of echarts 4's map files (map/json/province/*.json
// in the package the build fetches into .cache/npm for the gazetteer's
// seats) as plain GeoJSON on stdout: echarts stores coordinates compressed
// ("UTF8Encoding": zig-zag deltas in characters, scaled by 1024).  The
// coordinates are GCJ-02: load the result with
//   SELECT * FROM plan_gazetteer_load_geojson(pg_read_file('x.geojson')::jsonb, gcj02 => true);
// Features carry their division code (adcode) and name.
'use strict';
const fs = require('fs');
const file = process.argv[2];
if (!file) { console.error('usage: echarts_geojson.js FILE'); process.exit(2); }
const j = JSON.parse(fs.readFileSync(file, 'utf8'));

function ring(s, offs, scale) {
  const out = [];
  let px = offs[0], py = offs[1];
  for (let i = 0; i + 1 < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64, y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += px; y += py; px = x; py = y;
    out.push([x / scale, y / scale]);
  }
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push(out[0].slice());
  return out;
}
const scale = j.UTF8Scale || 1024;
const features = j.features.map((f) => {
  const g = f.geometry;
  let coords = g.coordinates;
  if (j.UTF8Encoding) {
    if (g.type === 'Polygon') coords = coords.map((r, i) => ring(r, g.encodeOffsets[i], scale));
    else if (g.type === 'MultiPolygon') coords = coords.map((p, i) => p.map((r, k) => ring(r, g.encodeOffsets[i][k], scale)));
  }
  return { type: 'Feature', properties: { adcode: f.id, name: f.properties.name }, geometry: { type: g.type, coordinates: coords } };
});
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
