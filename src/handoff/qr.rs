//! QR codes drawn and read in pure Rust, for the patient → study team
//! handoff (`handoff` writes the text): [`draw`] makes the code's module
//! grid (the patient's screen draws it as SVG), [`read`] finds and decodes
//! codes in a greyscale picture (a camera frame or a photo, where the
//! browser has no `BarcodeDetector`). Nayuki's `qrcodegen` draws;
//! `quircs` (a pure-Rust port of quirc) reads. `rqrr` (the issue's
//! example) read as well, but its static tables made the module that
//! carries the reader 66 KB (brotli) larger, took one more page of the
//! app's memory, and it read a camera frame in 90–100 ms at 4× CPU
//! against quircs's 34 ms.
//!
//! **What [`read`] guarantees: it never panics**, whatever the picture (in
//! the browser build `panic = "abort"`, so a panic would end the whole
//! app). Sizes are checked before quircs sees them: the bytes must be
//! exactly `width × height` (quircs asserts it) and each side at most
//! [`MAX_SIDE`]; anything else reads as no code, and nothing is allocated
//! for a claimed size. Inside quircs (0.10.3, vendored), every pixel and
//! table access was read for its bounds (each is checked, or follows from
//! the QR tables), and its arithmetic is `i32`: its only division by a
//! computed value (`line_intersect`, on corners of finder patterns inside
//! the picture) stays below 4 × side³, which at [`MAX_SIDE`] cannot
//! overflow, so it never divides `i32::MIN` by −1. Other sums on points
//! mapped through a degenerate perspective can overflow on a crafted
//! picture: the release build (no overflow checks) wraps them and reads no
//! code there; a build with overflow checks would panic, so tests build
//! quircs without them, as shipped (`Cargo.toml`). (Upstream quirc's
//! out-of-bounds read in `fitness_all`, dlbeer/quirc#163, comes from its
//! newer grid-size estimate; quircs still checks the version it measures.)
//!
//! **Time: quircs's alignment search is bounded.** quircs looks for a
//! code's alignment pattern by spiralling around an estimate of where it
//! is. For a code seen at an angle and partly out of the frame, the
//! published quircs 0.10.3 could put that estimate far outside the
//! picture and spiral for about 2 × 10⁹ steps before giving up (4.1–9 s
//! natively for a 222 × 222 frame; the page would freeze meanwhile).
//! Upstream quirc has the same loop. The app builds a vendored copy
//! (`vendor/quircs`; its `PATCHED.md` says what changed and how to carry
//! it to a new version) whose spiral stops once it is wider than twice
//! the picture: from an estimate inside the picture it has then seen
//! every pixel, so nothing it could find there is lost. A search is at
//! most `2·side × (2·side + 1)` steps (2.6 million at [`MAX_SIDE`], each
//! a bounds check outside the picture), at most 8 per picture, and its
//! arithmetic saturates (`size_estimate * 100` overflowed with overflow
//! checks). The rest of quircs's work grows with the picture's pixels and
//! the finder patterns in it: over 200 000 fuzz pictures the slowest read
//! went from 4.09 s to 66 ms natively (`tests/qr_fuzz.rs`).
//!
//! **How it is tested:** `tests/qr_fuzz.rs` reads seeded random pictures
//! under `catch_unwind`: claimed sizes that do not match the bytes (0×N,
//! 1×1, huge widths with small heights, overflowing products), noise, and
//! drawn codes damaged (bits flipped, regions erased, finder patterns
//! pasted, tiled or stretched across the picture by a tail, scaled,
//! sheared, in perspective, cropped, inverted), some up to [`MAX_SIDE`].
//! The suite reads a thousand in a few seconds; the longer run by hand is
//! documented there, with what it found.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

/// A drawn code: `size × size` modules, dark or light, without the quiet
/// zone (the four light modules around it that a reader needs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Modules per side.
    pub size: usize,
    /// The QR version (1–40): the size is `17 + 4 × version`.
    pub version: u8,
    /// Row by row, `true` for dark.
    pub dark: Vec<bool>,
}

/// Why a text could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong;

impl Grid {
    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// The dark modules as one SVG path (`M x y h1v1h-1z` per run of dark
    /// modules in a row), in module units with a 4-module quiet zone, for a
    /// `viewBox` of `0 0 (size+8) (size+8)`.
    pub fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            }
        }
        d
    }

    /// The code as a greyscale picture (`0` dark, `255` light) with the
    /// quiet zone, `scale` pixels per module: `(width, pixels)`.
    pub fn pixels(&self, scale: usize) -> (usize, Vec<u8>) {
        let width = (self.size + 8) * scale;
        let mut px = vec![255u8; width * width];
        for y in 0..width {
            for x in 0..width {
                let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
                if self.is_dark(mx, my) {
                    px[y * width + x] = 0;
                }
            }
        }
        (width, px)
    }
}

/// Draws `text` (QR alphanumeric characters: the handoff's text is) as the
/// smallest code of version at most `max_version` at error correction M.
/// Text outside the alphanumeric set is drawn in byte mode.
pub fn draw(text: &str, max_version: u8) -> Result<Grid, TooLong> {
    let segment = if QrSegment::is_alphanumeric(text) {
        QrSegment::make_alphanumeric(text)
    } else {
        QrSegment::make_bytes(text.as_bytes())
    };
    let code = QrCode::encode_segments_advanced(
        &[segment],
        QrCodeEcc::Medium,
        Version::MIN,
        Version::new(max_version.clamp(1, 40)),
        None,
        false,
    )
    .map_err(|_| TooLong)?;
    let size = usize::try_from(code.size()).unwrap_or(0);
    let dark = (0..code.size())
        .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Ok(Grid {
        size,
        version: code.version().value(),
        dark,
    })
}

/// The largest picture [`read`] reads, per side: what the scan screen's
/// helper (`web/scan-v1.js`) sends at most, scaling every camera frame and
/// photo down to it (a test checks the two agree). A larger size is
/// refused before anything is allocated for it. At most 812: quircs's
/// `line_intersect` computes up to 4 × (side − 1)³ in `i32` (see the
/// module documentation); 800 pixels still give a version 7 code (the
/// largest of the shared cases) 15 pixels a module when it fills the frame.
pub const MAX_SIDE: usize = 800;

/// Every QR code's text found in a greyscale picture of `width × height`
/// pixels (row by row, one byte per pixel). Codes that are found but
/// cannot be decoded are left out. A picture whose bytes are not exactly
/// `width × height`, that is empty, or wider or taller than [`MAX_SIDE`]
/// reads as no code. Never panics (see the module documentation).
pub fn read(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    let fits = (1..=MAX_SIDE).contains(&width) && (1..=MAX_SIDE).contains(&height);
    if !fits || width.checked_mul(height) != Some(luma.len()) {
        return Vec::new();
    }
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(width, height, luma)
        .filter_map(|code| code.ok()?.decode().ok())
        .filter_map(|data| String::from_utf8(data.payload).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawn_code_reads_back() {
        let grid = draw("NCT07063225:1:HELLO", 25).unwrap();
        assert_eq!(grid.size, 17 + 4 * usize::from(grid.version));
        let (w, px) = grid.pixels(4);
        assert_eq!(read(w, w, &px), ["NCT07063225:1:HELLO"]);
    }

    #[test]
    fn text_too_long_for_the_version_is_refused() {
        assert_eq!(draw(&"A".repeat(2000), 25), Err(TooLong));
    }

    #[test]
    fn a_picture_without_a_code_reads_nothing() {
        assert!(read(40, 30, &[200; 1200]).is_empty());
        assert!(read(0, 0, &[]).is_empty());
    }

    #[test]
    fn a_picture_whose_bytes_do_not_match_its_size_reads_nothing() {
        let (w, px) = draw("NCT07063225:1:HELLO", 25).unwrap().pixels(4);
        assert_eq!(read(w, w, &px).len(), 1);
        assert!(read(w, w, &px[1..]).is_empty(), "one byte short");
        assert!(read(w - 1, w, &px).is_empty(), "one row of bytes over");
        assert!(read(w, 0, &px).is_empty());
        assert!(read(0, 5, &[]).is_empty());
        assert!(read(usize::MAX, 2, &px).is_empty(), "overflowing size");
        assert!(read(1 << 40, 1 << 30, &[]).is_empty(), "nothing allocated");
    }

    #[test]
    fn a_picture_larger_than_the_helper_sends_reads_nothing() {
        let (w, px) = draw("NCT07063225:1:HELLO", 25).unwrap().pixels(4);
        for (side, found) in [(MAX_SIDE, 1), (MAX_SIDE + 1, 0)] {
            let mut picture = vec![255u8; side * w];
            for y in 0..w {
                picture[y * side..y * side + w].copy_from_slice(&px[y * w..(y + 1) * w]);
            }
            assert_eq!(read(side, w, &picture).len(), found, "{side} wide");
        }
    }

    #[test]
    fn the_scan_helper_scales_pictures_to_the_largest_side_read() {
        let helper = include_str!("../../web/scan-v1.js");
        let scale = format!("const scale = Math.min(1, {MAX_SIDE} / Math.max(w0, h0));");
        assert!(helper.contains(&scale), "web/scan-v1.js: {scale}");
        assert!(helper.contains(&format!("at most {MAX_SIDE} px a side")));
    }

    #[test]
    fn the_svg_path_draws_each_dark_module_once() {
        let grid = draw("A", 1).unwrap();
        let path = grid.svg_path();
        let drawn: usize = path
            .split('M')
            .skip(1)
            .map(|run| {
                let h = run.split('h').nth(1).unwrap();
                h.split('v').next().unwrap().parse::<usize>().unwrap()
            })
            .sum();
        assert_eq!(drawn, grid.dark.iter().filter(|&&d| d).count());
    }
}
