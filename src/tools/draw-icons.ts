// Draws the two Teams app icons for Valued and writes them to manifest/:
//   manifest/color.png   192x192, full colour: a white heart holding a gold star on warm teal
//   manifest/outline.png  32x32, white on transparent only (Teams tints it for the app bar)
//
// The PNGs are committed; this script is how they were made. Re-run it after changing the design:
//   npx ts-node src/tools/draw-icons.ts            (or: npm run build && node dist/src/tools/draw-icons.js)
// tests/manifest/icons.test.ts checks the committed files still match what this script draws.
//
// Shapes are maths rather than bitmaps so the icons are crisp at any size we might need later;
// each pixel is supersampled for smooth (anti-aliased) edges.

import * as fs from 'fs';
import * as path from 'path';
import { PNG } from 'pngjs';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Rgb = readonly [number, number, number];

const TEAL_LIGHT: Rgb = [0x1f, 0xa1, 0x94];
const TEAL_DARK: Rgb = [0x0e, 0x6b, 0x66];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GOLD: Rgb = [0xf6, 0xb9, 0x3b];

/** A shape answers "is this point inside?" in a unit box: x to the right, y downwards, both 0..1. */
type Shape = (x: number, y: number) => boolean;

/**
 * The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0, fitted into the box [left, top, size].
 * Its natural extent is about x ∈ [−1.14, 1.14], y ∈ [−1.0, 1.24] (y up).
 */
function heart(cx: number, cy: number, size: number): Shape {
  const halfWidth = 1.14;
  const top = 1.24;
  const bottom = -1.0;
  const scale = size / (2 * halfWidth);
  const midY = (top + bottom) / 2;
  return (x, y) => {
    const hx = (x - cx) / scale;
    const hy = -(y - cy) / scale + midY; // flip: the curve's y axis points up
    const a = hx * hx + hy * hy - 1;
    return a * a * a - hx * hx * hy * hy * hy <= 0;
  };
}

/** A five-pointed star, point upwards, centred on (cx, cy). */
function star(cx: number, cy: number, outerRadius: number, innerRatio = 0.48): Shape {
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outerRadius : outerRadius * innerRatio;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return (x, y) => {
    // Even-odd ray casting; the star polygon is simple, so this is exact.
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** Points of `shape` at least `width` from its edge are removed, leaving a stroke of that width. */
function stroke(shape: Shape, width: number): Shape {
  const directions = 24;
  return (x, y) => {
    if (!shape(x, y)) return false;
    for (let i = 0; i < directions; i++) {
      const angle = (2 * Math.PI * i) / directions;
      if (!shape(x + width * Math.cos(angle), y + width * Math.sin(angle))) return true;
    }
    return false;
  };
}

/** Fraction of the pixel (px, py) covered by `shape`, from an n×n grid of samples. */
function coverage(shape: Shape, px: number, py: number, size: number, n: number): number {
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
    }
  }
  return hits / (n * n);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function setPixel(png: PNG, x: number, y: number, rgb: Rgb, alpha: number): void {
  const i = (png.width * y + x) * 4;
  png.data[i] = Math.round(rgb[0]);
  png.data[i + 1] = Math.round(rgb[1]);
  png.data[i + 2] = Math.round(rgb[2]);
  png.data[i + 3] = Math.round(alpha * 255);
}

/** 192×192 full-colour icon: opaque teal gradient, white heart, gold star inside the heart. */
export function drawColorIcon(): PNG {
  const size = COLOR_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  // Teams crops the colour icon's corners itself; keep the mark inside the central safe area.
  const heartShape = heart(0.5, 0.52, 0.6);
  const starShape = star(0.5, 0.47, 0.135);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Diagonal gradient, light top-left to deep bottom-right, for a little warmth and depth.
      const t = (x + y) / (2 * (size - 1));
      let rgb = mix(TEAL_LIGHT, TEAL_DARK, t);
      rgb = mix(rgb, WHITE, coverage(heartShape, x, y, size, 6));
      rgb = mix(rgb, GOLD, coverage(starShape, x, y, size, 6));
      setPixel(png, x, y, rgb, 1);
    }
  }
  return png;
}

/** 32×32 outline icon: a white heart outline with a small white star; everything else transparent. */
export function drawOutlineIcon(): PNG {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  const heartShape = heart(0.5, 0.52, 0.9);
  const outline = stroke(heartShape, 2.2 / size);
  const starShape = star(0.5, 0.47, 0.2);
  const mark: Shape = (x, y) => outline(x, y) || starShape(x, y);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Colour is always white; only alpha varies, which is what Teams requires of outline icons.
      setPixel(png, x, y, WHITE, coverage(mark, x, y, size, 8));
    }
  }
  return png;
}

export function writeIcons(outDir: string): { color: string; outline: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const color = path.join(outDir, 'color.png');
  const outline = path.join(outDir, 'outline.png');
  fs.writeFileSync(color, PNG.sync.write(drawColorIcon()));
  fs.writeFileSync(outline, PNG.sync.write(drawOutlineIcon()));
  return { color, outline };
}

if (require.main === module) {
  // Works from src/tools (ts-node) and from dist/src/tools (compiled): find the repo root by package.json.
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  const written = writeIcons(path.join(root, 'manifest'));
  console.log(`Wrote ${path.relative(root, written.color)} and ${path.relative(root, written.outline)}`);
}
