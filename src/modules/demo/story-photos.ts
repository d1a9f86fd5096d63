/**
 * Demo "photos": simple drawn scenes rendered to JPEG, so the demo needs no image files and no
 * photos of real people. They go through the same processing as uploads.
 */
const scenes = {
  waitingRoom: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
    <rect width="1200" height="800" fill="#d9e2e1"/>
    <rect y="560" width="1200" height="240" fill="#9c8f7d"/>
    <rect x="820" y="90" width="260" height="300" fill="#f4f6f0" stroke="#6d7b7a" stroke-width="14"/>
    <line x1="950" y1="90" x2="950" y2="390" stroke="#6d7b7a" stroke-width="10"/>
    <circle cx="520" cy="170" r="62" fill="#fff" stroke="#3a4443" stroke-width="10"/>
    <line x1="520" y1="170" x2="520" y2="128" stroke="#3a4443" stroke-width="8"/>
    <line x1="520" y1="170" x2="552" y2="186" stroke="#3a4443" stroke-width="8"/>
    ${[0, 1, 2, 3, 4]
      .map(
        (i) => `<g transform="translate(${120 + i * 140} 420)">
          <rect width="110" height="22" y="120" fill="#2f6f6a"/>
          <rect width="110" height="120" fill="#3f8a84" rx="10"/>
          <rect x="8" y="142" width="12" height="70" fill="#333"/><rect x="90" y="142" width="12" height="70" fill="#333"/></g>`,
      )
      .join('')}
    <rect x="140" y="300" width="180" height="70" fill="#fff" stroke="#b14a2a" stroke-width="6"/>
    <text x="230" y="345" font-family="sans-serif" font-size="30" text-anchor="middle" fill="#b14a2a">NR 47</text>
  </svg>`,
  coffee: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
    <rect width="1200" height="800" fill="#f3e6cf"/>
    <rect x="80" y="60" width="420" height="360" fill="#fdf8ec" stroke="#8b6b43" stroke-width="14"/>
    <line x1="290" y1="60" x2="290" y2="420" stroke="#8b6b43" stroke-width="10"/>
    <line x1="80" y1="240" x2="500" y2="240" stroke="#8b6b43" stroke-width="10"/>
    <rect y="500" width="1200" height="300" fill="#7a5230"/>
    <ellipse cx="640" cy="560" rx="190" ry="40" fill="#efe9e0"/>
    <path d="M520 420 h240 v110 a120 60 0 0 1 -240 0 z" fill="#ffffff" stroke="#5b4a3a" stroke-width="8"/>
    <path d="M760 440 a55 50 0 1 1 0 90" fill="none" stroke="#5b4a3a" stroke-width="14"/>
    <ellipse cx="640" cy="425" rx="118" ry="18" fill="#4a2c17"/>
    <path d="M590 380 q-25 -50 0 -100 q25 -50 0 -100" fill="none" stroke="#b9a88f" stroke-width="8"/>
    <path d="M680 380 q-25 -50 0 -100 q25 -50 0 -100" fill="none" stroke="#b9a88f" stroke-width="8"/>
    <ellipse cx="960" cy="560" rx="120" ry="30" fill="#efe9e0"/>
    <path d="M890 470 h140 v80 a70 35 0 0 1 -140 0 z" fill="#d94f3d"/>
  </svg>`,
  door: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800">
    <rect width="1200" height="800" fill="#c9d3dd"/>
    <rect y="620" width="1200" height="180" fill="#8d8a83"/>
    <rect x="470" y="140" width="280" height="480" fill="#2e5a88"/>
    <rect x="500" y="170" width="220" height="180" fill="#9cc3e6"/>
    <circle cx="715" cy="420" r="16" fill="#e8c35a"/>
    <rect x="790" y="300" width="200" height="120" fill="#fff" stroke="#2e5a88" stroke-width="6"/>
    <text x="890" y="372" font-family="sans-serif" font-size="34" text-anchor="middle" fill="#2e5a88">WELKOM</text>
  </svg>`,
} as const;

export type DemoScene = keyof typeof scenes;

export async function demoPhoto(scene: DemoScene): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(scenes[scene])).jpeg({ quality: 88 }).toBuffer();
}
