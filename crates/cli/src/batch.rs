//! `zhicheng batch ROSTER.csv [--ce RECORDS.csv] [-o OUT.csv]`: a roster checked
//! person by person (docs/batch.md), the results CSV written as the rows are read.
//!
//! Exit 0 when the roster was read, however many rows are bad (each bad row is in the
//! results and on one line of standard error); exit 2 when a file cannot be read,
//! decoded or used at all (empty, header only, a required column missing, too large),
//! when the arguments are wrong, or when an unclosed quote stops the reading early
//! (the rows before it are written).

use crate::decode::decode;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use zhicheng_formats::batch::Batch;
use zhicheng_formats::results;
use zhicheng_formats::roster::{FileError, RecordsFile, Roster, MAX_FILE_BYTES};

/// The arguments of `zhicheng batch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub roster: String,
    pub ce: Option<String>,
    pub out: Option<String>,
}

impl Args {
    /// Reads the arguments after `batch`; `None` when they are not a valid call.
    pub fn parse(args: &[&str]) -> Option<Args> {
        let mut roster = None;
        let mut ce = None;
        let mut out = None;
        let mut it = args.iter();
        while let Some(&a) = it.next() {
            let (flag, inline) = match a.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f, Some(v)),
                _ => (a, None),
            };
            let slot = match flag {
                "--ce" => &mut ce,
                "-o" | "--output" => &mut out,
                _ if a.starts_with('-') && a != "-" => return None,
                _ => {
                    if roster.replace(a.to_string()).is_some() {
                        return None;
                    }
                    continue;
                }
            };
            let value = match inline {
                Some(v) => v,
                None => it.next()?,
            };
            if value.is_empty() || slot.replace(value.to_string()).is_some() {
                return None;
            }
        }
        Some(Args {
            roster: roster?,
            ce,
            out,
        })
    }
}

/// Reads and decodes a file (`-`: standard input), refusing one over the size limit.
fn read_text(path: &str) -> Result<String, String> {
    let too_large = |bytes: usize| {
        format!(
            "{path}: {}",
            FileError::TooLarge {
                bytes,
                limit: MAX_FILE_BYTES
            }
            .one_line()
        )
    };
    let cannot = |e: io::Error| format!("{path}: cannot read: {e} — 无法读取文件");
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin()
            .lock()
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    } else {
        let mut file = File::open(path).map_err(cannot)?;
        let len = file.metadata().map_err(cannot)?.len();
        if len > MAX_FILE_BYTES as u64 {
            return Err(too_large(len as usize));
        }
        bytes.reserve_exact(len as usize);
        file.read_to_end(&mut bytes).map_err(cannot)?;
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len()));
    }
    decode(bytes)
        .map(|(text, _)| text)
        .map_err(|e| format!("{path}: {}", e.one_line()))
}

/// Where the results go.
fn open_output(path: Option<&str>) -> Result<Box<dyn Write>, String> {
    Ok(match path {
        None | Some("-") => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(p).map_err(|e| format!("{p}: cannot write: {e} — 无法写入文件"))?,
        )),
    })
}

pub fn run(args: &Args) -> ExitCode {
    match batch(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn batch(args: &Args) -> Result<ExitCode, String> {
    let path = args.roster.as_str();
    let text = read_text(path)?;
    let records = match &args.ce {
        None => None,
        Some(ce) => {
            let text = read_text(ce)?;
            Some(RecordsFile::read(&text).map_err(|e| format!("{ce}: {}", e.one_line()))?)
        }
    };
    let mut roster = Roster::read(&text).map_err(|e| format!("{path}: {}", e.one_line()))?;
    if let Some(r) = &records {
        roster = roster.with_records(r);
    }
    // Buffered: a roster can give a line per ignored column, bad row or unknown
    // person, and unbuffered each line is several writes (a 5 MB roster of unknown
    // columns spent most of its time there). Flushed when dropped, before `run`
    // prints anything.
    let mut err = io::BufWriter::new(io::stderr().lock());
    for w in roster.header_warnings() {
        let _ = writeln!(err, "{path}: warning: {}", w.one_line());
    }
    let mut batch = Batch::new(roster);
    let Some(first) = batch.next() else {
        return Err(format!("{path}: {}", FileError::NoPeople.one_line()));
    };
    let write_failed = |e: io::Error| format!("cannot write the results: {e} — 无法写出结果");
    let mut out = open_output(args.out.as_deref())?;
    let mut buf = results::header();
    let mut checked = Some(first);
    while let Some(c) = checked {
        if let Err(e) = &c.result {
            let _ = writeln!(err, "{path}: {}", e.one_line());
        }
        results::write_row(&mut buf, &c);
        if buf.len() >= 1 << 16 {
            match out.write_all(buf.as_bytes()) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
                r => r.map_err(write_failed)?,
            }
            buf.clear();
        }
        checked = batch.next();
    }
    match out.write_all(buf.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        r => r.map_err(write_failed)?,
    }
    for w in batch.roster().records_warnings() {
        let _ = writeln!(err, "{path}: warning: {}", w.one_line());
    }
    let _ = writeln!(err, "{path}: {}", batch.tally().one_line());
    Ok(match batch.roster().stopped_at() {
        Some(line) => {
            let _ = writeln!(
                err,
                "{path}: reading stopped at line {line}; the people after it were not checked \
                 — 读取在第 {line} 行中止，其后的人员未检查"
            );
            ExitCode::from(2)
        }
        None => ExitCode::SUCCESS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        let a = |s: &[&str]| Args::parse(s);
        assert_eq!(
            a(&["r.csv"]),
            Some(Args {
                roster: "r.csv".into(),
                ce: None,
                out: None
            })
        );
        assert_eq!(
            a(&["--ce", "c.csv", "r.csv", "-o", "out.csv"]),
            Some(Args {
                roster: "r.csv".into(),
                ce: Some("c.csv".into()),
                out: Some("out.csv".into())
            })
        );
        assert_eq!(
            a(&["r.csv", "--ce=c.csv"]).unwrap().ce.as_deref(),
            Some("c.csv")
        );
        assert_eq!(a(&["-"]).unwrap().roster, "-");
        for bad in [
            &[][..],
            &["r.csv", "s.csv"],
            &["r.csv", "--ce"],
            &["r.csv", "--cee", "x"],
            &["r.csv", "-o", "a", "-o", "b"],
            &["r.csv", "--ce="],
        ] {
            assert_eq!(a(bad), None, "{bad:?}");
        }
    }
}
