//! Bytes to text for the CSV files HR officers bring: UTF-8 with or without a BOM,
//! UTF-16 with a BOM (Excel's "Unicode text"), else GBK (decoded as GB18030, its
//! superset). The browser does the same with `TextDecoder`.

use std::borrow::Cow;
use std::fmt;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Gbk,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16 => "UTF-16",
            Encoding::Gbk => "GBK",
        })
    }
}

/// Why bytes are not text we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A UTF-8 BOM, then bytes that are not UTF-8.
    BadUtf8AfterBom { offset: usize },
    /// A UTF-16 BOM, then bytes that are not UTF-16.
    BadUtf16,
    /// Neither UTF-8 nor GBK.
    Unknown,
    /// An Excel workbook (.xlsx or .xls) rather than CSV.
    Workbook,
}

impl DecodeError {
    /// One line, English then Chinese.
    pub fn one_line(&self) -> String {
        match self {
            DecodeError::BadUtf8AfterBom { offset } => format!(
                "the file starts with a UTF-8 BOM but is not UTF-8 (invalid byte at offset {offset}) \
                 — 文件以 UTF-8 BOM 开头，但内容不是 UTF-8 编码"
            ),
            DecodeError::BadUtf16 => "the file starts with a UTF-16 BOM but is not UTF-16 \
                 — 文件以 UTF-16 BOM 开头，但内容不是 UTF-16 编码"
                .to_string(),
            DecodeError::Unknown => "the file is neither UTF-8 nor GBK text; save it as CSV \
                 (UTF-8 or GBK) — 文件既不是 UTF-8 也不是 GBK 编码的文本，请另存为 CSV"
                .to_string(),
            DecodeError::Workbook => "this is an Excel workbook, not CSV: in Excel use \
                 Save As › CSV UTF-8 (comma delimited) — 这是 Excel 工作簿而不是 CSV：\
                 请在 Excel 中“另存为” › “CSV UTF-8（逗号分隔）”"
                .to_string(),
        }
    }
}

/// Decodes a whole file.
pub fn decode(mut bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DecodeError::Workbook);
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        return String::from_utf8(bytes)
            .map(|s| (s, Encoding::Utf8Bom))
            .map_err(|e| DecodeError::BadUtf8AfterBom {
                offset: e.utf8_error().valid_up_to() + 3,
            });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (enc, bom) = encoding_rs::Encoding::for_bom(&bytes).ok_or(DecodeError::BadUtf16)?;
        return enc
            .decode_without_bom_handling_and_without_replacement(&bytes[bom..])
            .map(|s| (s.into_owned(), Encoding::Utf16))
            .ok_or(DecodeError::BadUtf16);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, Encoding::Utf8)),
        Err(e) => {
            let bytes = e.into_bytes();
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(Cow::Owned(s)) => Ok((s, Encoding::Gbk)),
                Some(Cow::Borrowed(s)) => Ok((s.to_string(), Encoding::Gbk)),
                None => Err(DecodeError::Unknown),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding() {
        let text = "人员编号,姓名\r\nA1,张三\r\n";
        assert_eq!(
            decode(text.as_bytes().to_vec()),
            Ok((text.to_string(), Encoding::Utf8))
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(bom), Ok((text.to_string(), Encoding::Utf8Bom)));
        let (gbk, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        assert_eq!(
            decode(gbk.into_owned()),
            Ok((text.to_string(), Encoding::Gbk))
        );
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(utf16), Ok((text.to_string(), Encoding::Utf16)));
    }

    #[test]
    fn refusals() {
        assert_eq!(
            decode(vec![0xEF, 0xBB, 0xBF, b'a', 0xFF]),
            Err(DecodeError::BadUtf8AfterBom { offset: 4 })
        );
        assert_eq!(decode(vec![b'a', 0xFF, 0xFF]), Err(DecodeError::Unknown));
        assert_eq!(
            decode(b"PK\x03\x04rest".to_vec()),
            Err(DecodeError::Workbook)
        );
    }
}
