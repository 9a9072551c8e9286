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

/// Every QR code's text found in a greyscale picture of `width × height`
/// pixels (row by row, one byte per pixel; a shorter slice reads as light).
/// Codes that are found but cannot be decoded are left out.
pub fn read(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    let Some(area) = width.checked_mul(height).filter(|&a| a > 0) else {
        return Vec::new();
    };
    let mut pixels = luma
        .get(..area)
        .map_or_else(|| vec![255; area], <[u8]>::to_vec);
    if luma.len() < area {
        pixels[..luma.len()].copy_from_slice(luma);
    }
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(width, height, &pixels)
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
        assert!(read(10, 10, &[0; 3]).is_empty(), "short slice: light");
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
