//! Share links: the profile in the URL fragment (`#profile=` + base64url of its JSON),
//! which browsers never send to a server. Includes a small base64url codec.

use zhicheng_engine::{InputError, Profile};

/// What precedes the encoded profile in the fragment.
pub const PREFIX: &str = "profile=";

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn value(c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        // base64url, and the standard alphabet's two as well.
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    }))
}

/// Decodes base64url, with or without `=` padding; `None` if it is not base64.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let body = text.trim_end_matches('=');
    if text.len() - body.len() > 2 || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    for chunk in body.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c)? << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // Bits below the last whole byte must be zero (canonical encoding).
        if n & ((1 << (24 - 8 * bytes)) - 1) != 0 && bytes < 3 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// Why a share link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    NotBase64,
    NotText,
    NotProfile(InputError),
}

/// The fragment (without `#`) that carries a profile.
pub fn fragment(profile: &Profile) -> String {
    format!("{PREFIX}{}", encode(profile.to_json().as_bytes()))
}

/// Reads a fragment (`#profile=…` or `profile=…`): `None` if it carries no profile.
pub fn read_fragment(hash: &str) -> Option<Result<Profile, ShareError>> {
    let data = hash
        .strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(PREFIX)?;
    Some(
        decode(data)
            .ok_or(ShareError::NotBase64)
            .and_then(|bytes| String::from_utf8(bytes).map_err(|_| ShareError::NotText))
            .and_then(|text| Profile::from_json(&text).map_err(ShareError::NotProfile)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(decode("Zm8=").unwrap(), b"fo");
        assert_eq!(decode("Zg==").unwrap(), b"f");
    }

    #[test]
    fn the_url_alphabet_and_every_byte() {
        let bytes: Vec<u8> = (0..=255).collect();
        let coded = encode(&bytes);
        assert!(coded
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(decode(&coded).unwrap(), bytes);
        assert_eq!(encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode("+/8").unwrap(), vec![0xfb, 0xff]);
        for n in 0..40 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(decode(&encode(&data)).unwrap(), data);
        }
    }

    #[test]
    fn not_base64_is_refused() {
        for bad in ["a", "Zm9v!", "Zg===", "Zh", "Zm9=v", "中文"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_profile_round_trips_through_a_fragment() {
        let text =
            include_str!("../tests/examples/liandu_2024_professional_hours_short.profile.json");
        let profile = Profile::from_json(text).unwrap();
        let frag = fragment(&profile);
        assert!(frag.starts_with("profile="));
        assert_eq!(read_fragment(&format!("#{frag}")), Some(Ok(profile)));
        assert_eq!(read_fragment("#check-ce_hours"), None);
        assert_eq!(read_fragment(""), None);
        assert_eq!(
            read_fragment("#profile=%%%"),
            Some(Err(ShareError::NotBase64))
        );
        assert_eq!(
            read_fragment(&format!("#profile={}", encode(&[0xff, 0xfe]))),
            Some(Err(ShareError::NotText))
        );
        assert!(matches!(
            read_fragment(&format!("#profile={}", encode(b"{\"a\":1}"))),
            Some(Err(ShareError::NotProfile(_)))
        ));
    }
}
