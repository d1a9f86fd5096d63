/**
 * Downloads a chart as SVG, or as PNG drawn on a canvas in the browser. The image is loaded from a
 * data: URL (the policy allows img-src data:), so nothing goes to the server.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A standalone SVG file: namespaces, a white background, a title, and the size fixed in pixels. */
export function svgText(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('fill', '#1b2428');
  copy.removeAttribute('class');
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#fff');
  copy.prepend(titleElement, background);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`, width, height };
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, title: string, fileName: string): void {
  save(new Blob([svgText(svg, title).text], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** PNG at twice the size on screen, so it stays sharp on slides. */
export async function pngBlob(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const { text, width, height } = svgText(svg, title);
  const image = new Image();
  image.width = width;
  image.height = height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas unavailable');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
}

export async function downloadPng(svg: SVGSVGElement, title: string, fileName: string): Promise<void> {
  save(await pngBlob(svg, title), fileName);
}
