//! The camera and picture plumbing of "Scan a patient's code": loaded by
//! src/ui/scan.rs (as ./scan-v1.js) only when that screen opens (a script of its own, so the
//! page's start carries no glue for the camera, canvas or BarcodeDetector).
//! It turns a video frame or a photo into greyscale pixels; reading the
//! code and deciding what it holds are the app's Rust (src/qr.rs,
//! src/handoff.rs). Nothing here keeps a frame or sends anything.
//
// Every function takes one argument (the app calls them through Reflect).
(() => {
  let canvas = null;
  let detector;

  /** Greyscale pixels of a video frame or picture, at most 800 px a side (the most src/qr.rs reads): {width, height, luma}, or null before the first frame. */
  function luma(source) {
    const w0 = source.videoWidth ?? source.width;
    const h0 = source.videoHeight ?? source.height;
    if (!w0 || !h0) return null;
    const scale = Math.min(1, 800 / Math.max(w0, h0));
    const width = Math.max(1, Math.round(w0 * scale));
    const height = Math.max(1, Math.round(h0 * scale));
    canvas ??= document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(source, 0, 0, width, height);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const out = new Uint8Array(width * height);
    for (let i = 0, j = 0; j < out.length; i += 4, j++) {
      out[j] = (299 * rgba[i] + 587 * rgba[i + 1] + 114 * rgba[i + 2]) / 1000;
    }
    // The canvas is cleared so no frame stays in memory longer than needed.
    ctx.clearRect(0, 0, width, height);
    return { width, height, luma: out };
  }

  globalThis.ctitScan = {
    /** Starts the rear camera (where there is one) into `video`. */
    async start(video) {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      video.muted = true;
      video.setAttribute('playsinline', '');
      video.srcObject = stream;
      await video.play();
      return true;
    },
    /** Stops the camera shown in `video` (every track), if any. */
    stop(video) {
      const stream = video && video.srcObject;
      if (stream) for (const track of stream.getTracks()) track.stop();
      if (video) video.srcObject = null;
    },
    /** Whether the browser reads QR codes itself (BarcodeDetector). */
    native() {
      return typeof BarcodeDetector === 'function';
    },
    /** The QR codes' texts the browser finds in `source`, or null without BarcodeDetector (or when it fails). */
    async detect(source) {
      if (typeof BarcodeDetector !== 'function') return null;
      try {
        detector ??= new BarcodeDetector({ formats: ['qr_code'] });
        return (await detector.detect(source)).map((c) => c.rawValue);
      } catch {
        return null;
      }
    },
    luma,
    /** A chosen photo as a picture to read. */
    picture(file) {
      return createImageBitmap(file);
    },
  };
})();
