//! Several roster files read as one: the "for HR" exports people send (one row each,
//! all under [`super::export_header`]) or parts of one roster. They are joined only
//! when every file has the same header row, so no column changes meaning on the way.

use super::MAX_FILE_BYTES;

/// One file to join: its name (for the messages) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Why the files cannot be read as one roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// A file with nothing in it.
    Empty { file: String },
    /// A file whose header row is not the first file's.
    OtherHeader { file: String, first: String },
    /// Together they are larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: usize },
}

impl MergeError {
    pub fn message_en(&self) -> String {
        match self {
            MergeError::Empty { file } => format!("{file}: the file is empty"),
            MergeError::OtherHeader { file, first } => format!(
                "{file}: its header row differs from {first}'s, so the two cannot be read as one roster; choose files with the same columns"
            ),
            MergeError::TooLarge { bytes } => format!(
                "together the files are {} MB; the limit is {} MB",
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            MergeError::Empty { file } => format!("{file}：文件是空的"),
            MergeError::OtherHeader { file, first } => {
                format!("{file}：表头与 {first} 不同，不能合成一份名册；请选择列相同的文件")
            }
            MergeError::TooLarge { bytes } => format!(
                "这些文件合计 {} MB，上限为 {} MB",
                bytes / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            ),
        }
    }
}

impl std::fmt::Display for MergeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for MergeError {}

/// Splits off the header row (up to the first line break outside quotes).
fn split_header(text: &str) -> (&str, &str) {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => return (&text[..i], &text[i + 1..]),
            _ => {}
        }
    }
    (text, "")
}

/// The files as one roster text: the first file's header row (without a BOM), then
/// every file's rows in order. One file is returned as it is (less its BOM).
pub fn merge(parts: &[Part]) -> Result<String, MergeError> {
    let bytes: usize = parts.iter().map(|p| p.text.len()).sum();
    if bytes > MAX_FILE_BYTES {
        return Err(MergeError::TooLarge { bytes });
    }
    let mut out = String::with_capacity(bytes);
    let mut first: Option<(&str, &str)> = None;
    for part in parts {
        let text = part.text.strip_prefix('\u{feff}').unwrap_or(part.text);
        let text = text.trim_start_matches(['\r', '\n']);
        if text.trim().is_empty() {
            return Err(MergeError::Empty {
                file: part.name.to_string(),
            });
        }
        let (header, rows) = split_header(text);
        let header = header.trim_end_matches('\r');
        match first {
            None => {
                first = Some((part.name, header));
                out.push_str(header);
                out.push_str("\r\n");
            }
            Some((name, h)) if h.trim() != header.trim() => {
                return Err(MergeError::OtherHeader {
                    file: part.name.to_string(),
                    first: name.to_string(),
                })
            }
            Some(_) => {}
        }
        let rows = rows.trim_end_matches(['\r', '\n']);
        if !rows.is_empty() {
            out.push_str(rows);
            out.push_str("\r\n");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::{export_file, export_header, Roster};
    use super::*;
    use zhicheng_engine::Profile;

    fn profile(name: &str) -> Profile {
        let path = format!(
            "{}/../../tests/examples/{name}.profile.json",
            env!("CARGO_MANIFEST_DIR")
        );
        Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn exports_of_several_people_read_as_one_roster() {
        let a = profile("liandu_senior_engineer_eligible");
        let b = profile("jxt_2019_online_hours_over_cap");
        let (fa, fb) = (export_file(&a, "A1", "甲"), export_file(&b, "B2", "乙"));
        let text = merge(&[
            Part {
                name: "a.csv",
                text: &fa,
            },
            Part {
                name: "b.csv",
                text: &fb,
            },
        ])
        .unwrap();
        assert!(text.starts_with(&export_header()));
        let people: Vec<_> = Roster::read(&text).unwrap().collect();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].person_id, "A1");
        assert_eq!(people[1].person_id, "B2");
        // Each person as their own file reads them.
        let alone = |file: &str| Roster::read(file).unwrap().next().unwrap().profile;
        assert_eq!(people[0].profile, alone(&fa));
        assert_eq!(people[1].profile, alone(&fb));
        assert!(people.iter().all(|p| p.profile.is_ok()));
        // Line numbers count in the joined text: header, then one row each.
        assert_eq!((people[0].line, people[1].line), (2, 3));
    }

    #[test]
    fn files_with_other_columns_are_refused_by_name() {
        let a = "人员编号,姓名\r\nA1,甲\r\n";
        let b = "人员编号,出生日期\r\nB2,1980-01-01\r\n";
        let e = merge(&[
            Part {
                name: "a.csv",
                text: a,
            },
            Part {
                name: "b.csv",
                text: b,
            },
        ])
        .unwrap_err();
        assert_eq!(
            e,
            MergeError::OtherHeader {
                file: "b.csv".into(),
                first: "a.csv".into()
            }
        );
        assert!(e.message_zh().starts_with("b.csv：表头与 a.csv 不同"));
        let empty = merge(&[
            Part {
                name: "a.csv",
                text: a,
            },
            Part {
                name: "c.csv",
                text: "\u{feff}\r\n",
            },
        ]);
        assert_eq!(
            empty,
            Err(MergeError::Empty {
                file: "c.csv".into()
            })
        );
    }

    #[test]
    fn a_header_cell_with_a_line_break_in_quotes_stays_whole() {
        let a = "\"人员\n编号\",姓名\nA1,甲";
        let b = "\u{feff}\"人员\n编号\",姓名\r\nB2,乙\r\n";
        let text = merge(&[Part { name: "a", text: a }, Part { name: "b", text: b }]).unwrap();
        assert_eq!(text, "\"人员\n编号\",姓名\r\nA1,甲\r\nB2,乙\r\n");
    }
}
