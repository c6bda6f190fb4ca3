const KIND_BY_PREFIX: Record<string, string> = { "3": "photo", "7": "video", "16": "animated GIF" };

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The picture behind every simulated media URL: a labelled placeholder, so the demo UI shows something. */
export function placeholderSvg(mediaKey: string): string {
  const kind = KIND_BY_PREFIX[mediaKey.split("_")[0] ?? ""] ?? "media";
  const hue = [...mediaKey].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
<rect width="640" height="360" fill="hsl(${hue} 35% 40%)"/>
<text x="320" y="170" font-family="sans-serif" font-size="28" fill="#fff" text-anchor="middle">Simulated ${escapeXml(kind)}</text>
<text x="320" y="210" font-family="monospace" font-size="16" fill="#eee" text-anchor="middle">${escapeXml(mediaKey)}</text>
</svg>`;
}
