//! Share links: the profile in the URL fragment, which browsers never send to a
//! server: `#profile=` + base64url of its JSON, or, shorter (for a QR code), `#z=` +
//! base64url of its JSON deflated (raw DEFLATE, RFC 1951, made and undone by the
//! browser's own CompressionStream: src/web/compress.rs). Includes a small base64url
//! codec.

use zhicheng_engine::{InputError, Profile};

/// What precedes the encoded profile in the fragment.
pub const PREFIX: &str = "profile=";
/// What precedes the deflated profile in the fragment.
pub const COMPRESSED_PREFIX: &str = "z=";

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
    /// `#z=`: the data does not inflate.
    NotDeflated,
    NotText,
    NotProfile(InputError),
}

/// The fragment (without `#`) that carries a profile.
pub fn fragment(profile: &Profile) -> String {
    format!("{PREFIX}{}", encode(profile.to_json().as_bytes()))
}

/// The fragment (without `#`) that carries a profile deflated (`deflated`: the
/// profile's JSON through `web::compress::deflate_raw`).
pub fn compact_fragment(deflated: &[u8]) -> String {
    format!("{COMPRESSED_PREFIX}{}", encode(deflated))
}

/// Reads a fragment (`#profile=…` or `profile=…`): `None` if it carries no profile,
/// or only a deflated one (see [`read_link`]).
pub fn read_fragment(hash: &str) -> Option<Result<Profile, ShareError>> {
    match read_link(hash)? {
        Link::Plain(result) => Some(result),
        Link::Deflated(_) => None,
    }
}

/// What a fragment carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// `#profile=`: the profile, read at once.
    Plain(Result<Profile, ShareError>),
    /// `#z=`: the profile's JSON deflated; inflate it (the browser does, and it takes a
    /// moment) and read it with [`from_json_bytes`].
    Deflated(Result<Vec<u8>, ShareError>),
}

/// Reads a fragment of either kind, or a whole link ending in one: `None` if it
/// carries no profile.
pub fn read_link(link: &str) -> Option<Link> {
    let hash = link.rsplit_once('#').map_or(link, |(_, h)| h).trim();
    if let Some(data) = hash.strip_prefix(PREFIX) {
        let bytes = decode(data).ok_or(ShareError::NotBase64);
        return Some(Link::Plain(bytes.and_then(from_json_bytes)));
    }
    hash.strip_prefix(COMPRESSED_PREFIX)
        .map(|data| Link::Deflated(decode(data).ok_or(ShareError::NotBase64)))
}

/// A profile from the bytes of its JSON text.
pub fn from_json_bytes(bytes: Vec<u8>) -> Result<Profile, ShareError> {
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    Profile::from_json(&text).map_err(ShareError::NotProfile)
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

    #[test]
    fn a_short_link_carries_the_deflated_bytes_for_the_browser_to_inflate() {
        let deflated = [0x4b, 0x4c, 0x02, 0x00];
        let frag = compact_fragment(&deflated);
        assert_eq!(frag, format!("z={}", encode(&deflated)));
        // A fragment, or a whole link as pasted (spaces around it).
        for link in [
            format!("#{frag}"),
            format!(" https://zc.example/app/#{frag} "),
        ] {
            assert_eq!(
                read_link(&link),
                Some(Link::Deflated(Ok(deflated.to_vec())))
            );
            assert_eq!(read_fragment(&link), None, "not read at once");
        }
        assert_eq!(
            read_link("#z=%%"),
            Some(Link::Deflated(Err(ShareError::NotBase64)))
        );
        assert_eq!(read_link("https://zc.example/#about"), None);
        // What the browser inflates is read like a plain link's bytes.
        assert_eq!(from_json_bytes(vec![0xff]), Err(ShareError::NotText));
        let text =
            include_str!("../tests/examples/liandu_2024_professional_hours_short.profile.json");
        assert_eq!(
            from_json_bytes(text.as_bytes().to_vec()),
            Ok(Profile::from_json(text).unwrap())
        );
    }
}
