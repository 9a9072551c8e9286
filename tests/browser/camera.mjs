//! A fake camera's video for Chromium (`--use-file-for-fake-video-capture`):
//! one 640x480 YUV4MPEG2 frame, which Chromium repeats, showing a QR code's
//! modules in the middle (the handoff test and the benchmark).
import fs from 'node:fs';

/** Writes `file`: a code of `size` modules (`isDark(x, y)`), 6 px a module, with its 4-module quiet zone. */
export function writeCodeVideo(file, size, isDark) {
  const [w, h, scale] = [640, 480, 6];
  const y = Buffer.alloc(w * h, 235);
  const [x0, y0] = [(w - (size + 8) * scale) >> 1, (h - (size + 8) * scale) >> 1];
  for (let my = 0; my < size; my++) {
    for (let mx = 0; mx < size; mx++) {
      if (!isDark(mx, my)) continue;
      for (let py = 0; py < scale; py++) {
        const row = (y0 + (my + 4) * scale + py) * w + x0;
        y.fill(16, row + (mx + 4) * scale, row + (mx + 5) * scale);
      }
    }
  }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma]));
}
