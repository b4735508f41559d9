// Draws the app's marketplace icons from simple shapes and writes them as PNGs:
//   assets/logo.png        320×320, full bleed (Zendesk rounds the corners itself)
//   assets/logo-small.png  128×128, rounded square on a transparent background
//   assets/icon_top_bar.svg the handset alone, 18×18, in currentColor (Zendesk tints it)
//   assets/icon_nav_bar.svg the same icon for the nav bar (the admin Settings screen)
//
// The mark: a white speech bubble on teal with a teal telephone handset inside it
// (calls and chats in one picture). Every shape is a signed distance function in a
// unit square, rendered with 4×4 supersampling for clean anti-aliased edges.
//
//   npx tsx scripts/make-logos.ts

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Vec = [number, number];
type Rgb = [number, number, number];

const TEAL_TOP: Rgb = [0x12, 0x9c, 0xa8];
const TEAL_BOTTOM: Rgb = [0x0a, 0x74, 0x84];
const HANDSET: Rgb = [0x0b, 0x7d, 0x8c];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Signed distance to a rounded box centred at c with half-size h and corner radius r. */
function roundedBox(p: Vec, c: Vec, h: Vec, r: number): number {
  const qx = Math.abs(p[0] - c[0]) - h[0] + r;
  const qy = Math.abs(p[1] - c[1]) - h[1] + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a capsule (segment a–b thickened by r). */
function capsule(p: Vec, a: Vec, b: Vec, r: number): number {
  const pax = p[0] - a[0];
  const pay = p[1] - a[1];
  const bax = b[0] - a[0];
  const bay = b[1] - a[1];
  const t = Math.min(Math.max((pax * bax + pay * bay) / (bax * bax + bay * bay), 0), 1);
  return Math.hypot(pax - bax * t, pay - bay * t) - r;
}

/** Signed distance to a triangle (any winding). */
function triangle(p: Vec, a: Vec, b: Vec, c: Vec): number {
  const edges: [Vec, Vec][] = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let d = Infinity;
  let inside = true;
  const sign = Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  for (const [e0, e1] of edges) {
    d = Math.min(d, capsule(p, e0, e1, 0));
    const cross = (e1[0] - e0[0]) * (p[1] - e0[1]) - (e1[1] - e0[1]) * (p[0] - e0[0]);
    if (Math.sign(cross) !== sign && cross !== 0) inside = false;
  }
  return inside ? -d : d;
}

function rotate(p: Vec, centre: Vec, angle: number): Vec {
  const s = Math.sin(angle);
  const c = Math.cos(angle);
  const x = p[0] - centre[0];
  const y = p[1] - centre[1];
  return [centre[0] + x * c - y * s, centre[1] + x * s + y * c];
}

/** Speech bubble: a rounded rectangle with a tail at the lower left. */
function bubble(p: Vec): number {
  const body = roundedBox(p, [0.5, 0.45], [0.32, 0.25], 0.12);
  const tail = triangle(p, [0.27, 0.6], [0.24, 0.84], [0.47, 0.66]);
  return Math.min(body, tail);
}

/**
 * Telephone handset, drawn upright and then tilted: a curved grip (a thick arc,
 * concave towards the face) with an ear pad and a mouth pad at its ends.
 */
function handset(p: Vec): number {
  const centre: Vec = [0.5, 0.45];
  const q = rotate(p, centre, -Math.PI / 4);
  const x = q[0] - centre[0];
  const y = q[1] - centre[1];
  // Grip: arc of radius R around (0, -k), seen from below, spanning ±50°.
  const R = 0.21;
  const k = 0.11;
  const thickness = 0.042;
  const ax = x;
  const ay = y + k;
  const angle = Math.atan2(ax, ay); // 0 points straight down
  const span = (50 * Math.PI) / 180;
  let grip: number;
  if (Math.abs(angle) <= span) {
    grip = Math.abs(Math.hypot(ax, ay) - R) - thickness;
  } else {
    const end: Vec = [Math.sin(Math.sign(angle) * span) * R, Math.cos(span) * R - k];
    grip = Math.hypot(x - end[0], y - end[1]) - thickness;
  }
  // Pads: rounded blocks at both ends, wider than the grip, reaching towards the
  // arc's centre (the side that faces the ear and the mouth).
  const pads = [-1, 1].map((side) => {
    const a = side * span;
    const u: Vec = [Math.sin(a), Math.cos(a)]; // outwards from the arc's centre
    const t: Vec = [Math.cos(a), -Math.sin(a)]; // along the arc
    const c: Vec = [u[0] * (R - 0.035), u[1] * (R - 0.035) - k];
    const local: Vec = [(x - c[0]) * t[0] + (y - c[1]) * t[1], (x - c[0]) * u[0] + (y - c[1]) * u[1]];
    return roundedBox(local, [0, 0], [0.068, 0.07], 0.04);
  });
  return Math.min(grip, ...pads);
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

interface Layer {
  inside: (p: Vec) => boolean;
  color: (p: Vec) => Rgb;
}

function render(size: number, layers: Layer[], backgroundShape: (p: Vec) => boolean): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Vec = [(px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size];
          if (!backgroundShape(p)) continue;
          let color: Rgb = [0, 0, 0];
          for (const layer of layers) if (layer.inside(p)) color = layer.color(p);
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      png.data[i] = covered ? Math.round(r / covered) : 0;
      png.data[i + 1] = covered ? Math.round(g / covered) : 0;
      png.data[i + 2] = covered ? Math.round(b / covered) : 0;
      png.data[i + 3] = Math.round((255 * covered) / n);
    }
  }
  return png;
}

const layers: Layer[] = [
  { inside: () => true, color: (p) => mix(TEAL_TOP, TEAL_BOTTOM, p[1]) },
  { inside: (p) => bubble(p) <= 0, color: () => WHITE },
  { inside: (p) => handset(p) <= 0, color: () => HANDSET },
];

/**
 * The top bar icon: the same handset as in the logo, as filled SVG shapes in an
 * 18×18 box (a grip between two arcs and two rounded pads), tilted by 45°.
 */
export function topBarIconSvg(): string {
  const n = (v: number): string => String(Math.round(v * 100) / 100);
  const cx = 9;
  const cy = 5; // centre of the grip's arc, above the middle so the shape sits centred
  const R = 6.5;
  const half = 1.3;
  const span = (50 * Math.PI) / 180;
  const at = (r: number, a: number): string => `${n(cx + Math.sin(a) * r)} ${n(cy + Math.cos(a) * r)}`;
  const ro = R + half;
  const ri = R - half;
  const grip =
    `M${at(ro, -span)}A${n(ro)} ${n(ro)} 0 0 0 ${at(ro, span)}` +
    `L${at(ri, span)}A${n(ri)} ${n(ri)} 0 0 1 ${at(ri, -span)}Z`;
  const pads = [-1, 1]
    .map((side) => {
      const a = side * span;
      const d = R - 1.1;
      const px = cx + Math.sin(a) * d;
      const py = cy + Math.cos(a) * d;
      const w = 4.4;
      const h = 4.5;
      const deg = (-a * 180) / Math.PI;
      return `<rect x="${n(px - w / 2)}" y="${n(py - h / 2)}" width="${n(w)}" height="${n(h)}" rx="1.3" transform="rotate(${n(deg)} ${n(px)} ${n(py)})"/>`;
    })
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 18 18">` +
    `<g fill="currentColor" transform="rotate(45 9 9)"><path d="${grip}"/>${pads}</g></svg>\n`
  );
}

export function makeLogos(outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const large = render(320, layers, () => true);
  const small = render(128, layers, (p) => roundedBox(p, [0.5, 0.5], [0.5, 0.5], 0.18) <= 0);
  const written: string[] = [];
  for (const [name, png] of [
    ['logo.png', large],
    ['logo-small.png', small],
  ] as const) {
    const file = resolve(outDir, name);
    writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
    written.push(file);
  }
  for (const name of ['icon_top_bar.svg', 'icon_nav_bar.svg']) {
    const icon = resolve(outDir, name);
    writeFileSync(icon, topBarIconSvg());
    written.push(icon);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const file of makeLogos(resolve(root, 'assets'))) console.log(file);
}
