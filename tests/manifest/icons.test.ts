// Teams rejects app packages whose icons are the wrong size, and shows a grey box where an outline
// icon is not pure white on transparent. These tests read the committed PNGs the way Teams would.

import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../src/tools/draw-icons';
import { filledManifest, MANIFEST_DIR } from './manifest-test-helpers';

function readPng(name: string): PNG {
  return PNG.sync.read(fs.readFileSync(path.join(MANIFEST_DIR, name)));
}

function pixels(png: PNG): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return out;
}

describe('app icons', () => {
  test('the manifest points at color.png and outline.png, and both files exist', () => {
    expect(filledManifest().icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    for (const name of ['color.png', 'outline.png']) expect(fs.existsSync(path.join(MANIFEST_DIR, name))).toBe(true);
  });

  test('color.png is 192x192, fully opaque, and really drawn (teal, white heart, gold star)', () => {
    const png = readPng('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const px = pixels(png);
    expect(px.every(([, , , a]) => a === 255)).toBe(true);
    const count = (test: (r: number, g: number, b: number) => boolean) => px.filter(([r, g, b]) => test(r, g, b)).length;
    const teal = count((r, g, b) => g > r + 40 && b > r + 40);
    const white = count((r, g, b) => r > 245 && g > 245 && b > 245);
    const gold = count((r, g, b) => r > 220 && g > 160 && g < 210 && b < 100);
    expect(teal / px.length).toBeGreaterThan(0.4);
    expect(white / px.length).toBeGreaterThan(0.1);
    expect(gold).toBeGreaterThan(500);
    // Corners are background, the centre is the mark.
    const at = (x: number, y: number) => px[y * 192 + x];
    expect(at(0, 0)[1]).toBeGreaterThan(at(0, 0)[0] + 40);
    expect(at(96, 90)[0]).toBeGreaterThan(200);
  });

  test('outline.png is 32x32 with an alpha channel, white on transparent only', () => {
    const png = readPng('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const px = pixels(png);
    const notWhiteButVisible = px.filter(([r, g, b, a]) => a > 0 && (r !== 255 || g !== 255 || b !== 255));
    expect(notWhiteButVisible).toEqual([]);
    const transparent = px.filter(([, , , a]) => a === 0).length;
    const solid = px.filter(([, , , a]) => a === 255).length;
    expect(transparent / px.length).toBeGreaterThan(0.4);
    expect(solid / px.length).toBeGreaterThan(0.08);
    for (const [x, y] of [
      [0, 0],
      [31, 0],
      [0, 31],
      [31, 31],
    ])
      expect(px[y * 32 + x][3]).toBe(0);
  });

  test('the committed PNGs are exactly what src/tools/draw-icons.ts draws', () => {
    // Compare decoded pixels, not file bytes: zlib versions may compress the same image differently.
    expect(readPng('color.png').data.equals(drawColorIcon().data)).toBe(true);
    expect(readPng('outline.png').data.equals(drawOutlineIcon().data)).toBe(true);
  });
});
