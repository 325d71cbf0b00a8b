//! A QR code of a share link, drawn on the device: the modules of the symbol
//! (qrcodegen, ISO/IEC 18004) and one SVG path that draws the dark ones, so the page
//! shows it with no image, no network and no script.

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4).
pub const QUIET: usize = 4;

/// A QR code: its size in modules and which are dark, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    dark: Vec<bool>,
}

/// The text is longer than a QR code holds (about 2,900 bytes at the lowest error
/// correction).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub bytes: usize,
}

impl Qr {
    /// The QR code of `text`: the smallest version that holds it at low error
    /// correction (7 % of the symbol may be lost: a code shown on a screen is not
    /// torn or stained, and fewer, larger modules are what a camera reads best),
    /// with the error correction raised as far as that version allows.
    pub fn encode(text: &str) -> Result<Qr, TooLong> {
        let code =
            QrCode::encode_text(text, QrCodeEcc::Low).map_err(|_| TooLong { bytes: text.len() })?;
        let size = code.size() as usize;
        let mut dark = Vec::with_capacity(size * size);
        for y in 0..size {
            for x in 0..size {
                dark.push(code.get_module(x as i32, y as i32));
            }
        }
        Ok(Qr { size, dark })
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// The side of the drawing in modules, quiet zone included (the SVG's viewBox).
    pub fn side(&self) -> usize {
        self.size + 2 * QUIET
    }

    /// One path drawing every dark module as a unit square (`M x y h1 v1 h-1 z`,
    /// consecutive dark modules of a row merged), offset by the quiet zone.
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
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET,
                    y + QUIET,
                    x - start,
                    x - start
                ));
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_symbol_with_finder_patterns() {
        let qr = Qr::encode("https://example.org/#z=AbCdEf").unwrap();
        assert!(
            qr.size >= 21 && (qr.size - 17).is_multiple_of(4),
            "a version's size"
        );
        // The three finder patterns' corners are dark, the separator next to them light.
        for (x, y) in [(0, 0), (qr.size - 1, 0), (0, qr.size - 1)] {
            assert!(qr.is_dark(x, y));
        }
        assert!(!qr.is_dark(7, 7));
        let d = qr.svg_path();
        assert!(d.starts_with(&format!("M{} {}h7v1h-7z", QUIET, QUIET)));
        assert_eq!(qr.side(), qr.size + 8);
    }

    #[test]
    fn too_long_is_said() {
        let long = "x".repeat(5_000);
        assert_eq!(Qr::encode(&long), Err(TooLong { bytes: 5_000 }));
    }
}
