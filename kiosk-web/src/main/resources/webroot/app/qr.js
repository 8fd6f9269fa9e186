// Draws QR codes in the browser (vendored qrcode-generator), as crisp scalable SVG.
import qrcode from '/vendor/qrcode-generator.esm.js';

const SVG = 'http://www.w3.org/2000/svg';

/** An <svg> of text: black modules on white with a 4-module quiet zone; scales to its box. */
export function qrSvg(text, { ecl = 'M', label } = {}) {
  const qr = qrcode(0, ecl);
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const side = n + 8;
  let d = '';
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!qr.isDark(y, x)) { x++; continue; }
      const start = x;
      while (x < n && qr.isDark(y, x)) x++;
      d += `M${start + 4} ${y + 4}h${x - start}v1h${start - x}z`;
    }
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${side} ${side}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('class', 'qr-svg');
  svg.setAttribute('role', 'img');
  if (label) svg.setAttribute('aria-label', label);
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', side);
  bg.setAttribute('height', side);
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

/** Replaces the content of box with the QR of text. */
export function drawQr(box, text, opts) {
  const svg = qrSvg(text, opts);
  box.replaceChildren(svg);
  box.dataset.qrText = text;
  return svg;
}
