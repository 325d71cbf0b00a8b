//! Checks the rule files and merges the national layer into each rule set.
//!
//! Every mistake becomes a `Diagnostic` naming the file, the line, what is wrong and
//! what would be right. All mistakes are collected, not just the first.

use crate::ir::*;
use crate::model::*;
use crate::{Diagnostic, RuleFile, RuleFiles};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

mod ce;
mod documents;
mod national;
mod plans;
mod rule_set;
mod specialties;

const CITE_FIX: &str = "add `source = { doc = \"…\", clause = \"…\" }` naming a clause of rules/documents.toml, or `convention = \"…\"` if no document states it";

/// Validates `files` and returns the bundle, or every mistake found.
pub fn validate(files: &RuleFiles) -> Result<Bundle, Vec<Diagnostic>> {
    let mut cx = Cx::default();
    let documents = cx.documents(files);
    let national = cx.national(&files.national);
    let mut rule_sets = Vec::new();
    if let Some((national, nat_raw)) = &national {
        let mut seen = BTreeSet::new();
        for file in &files.rule_sets {
            if let Some(rs) = cx.rule_set(file, national, nat_raw) {
                if !seen.insert(rs.id.clone()) {
                    cx.push(
                        file,
                        0..0,
                        format!("rule set id `{}` is used twice", rs.id),
                        None,
                    );
                }
                rule_sets.push(rs);
            }
        }
    }
    let plans = cx.plans(files, &rule_sets);
    let specialties = cx.specialties(files, &rule_sets, &plans);
    if files.rule_sets.is_empty() {
        cx.push(
            &files.national,
            0..0,
            "no rule set files found beside national.toml".to_string(),
            Some("add one, e.g. rules/zj-liandu-2024.toml".to_string()),
        );
    }
    if !cx.diags.is_empty() {
        return Err(cx.diags);
    }
    let (national, _) = national.expect("no diagnostics means the national layer parsed");
    Ok(Bundle {
        version: files.version(),
        documents,
        national,
        rule_sets,
        plans,
        specialties,
    })
}

#[derive(Default)]
struct Cx {
    diags: Vec<Diagnostic>,
    /// doc → its clauses, for resolving citations.
    clauses: BTreeMap<String, BTreeSet<String>>,
    /// docs that have a bundled text file.
    with_file: BTreeSet<String>,
    /// (doc, clause) → the quoted text, for the clauses quoted from a bundled notice.
    quotes: BTreeMap<(String, String), String>,
}

/// The parts of national.toml a rule set inherits, as written (for their bases).
struct NationalRaw {
    end_of_year: Sourced<(u8, u8)>,
    exclude_unqualified_years: Sourced<bool>,
    blocking: Sourced<Vec<String>>,
    public_official_blocks: Sourced<bool>,
    /// Years a fraud finding counts, and `ban` or `record`.
    fraud: Sourced<(u32, String)>,
    requires_post_wage: Sourced<bool>,
    senior_economist_exam: Sourced<String>,
    min_total: Sourced<Tenths>,
    min_professional: Sourced<Tenths>,
    citations: BTreeMap<String, Vec<Citation>>,
}

impl Cx {
    fn push(&mut self, file: &RuleFile, span: Range<usize>, message: String, fix: Option<String>) {
        self.diags.push(Diagnostic {
            file: file.name.clone(),
            line: file.line_of(span.start),
            message,
            fix,
        });
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self, file: &RuleFile) -> Option<T> {
        match toml::from_str::<T>(&file.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().trim().replace('\n', " ");
                let fix = if message.contains("unknown field") {
                    Some("check the spelling against docs/rules.md".to_string())
                } else if message.contains("missing field") {
                    Some("add the field (see docs/rules.md for what it means)".to_string())
                } else {
                    None
                };
                self.push(file, span, message, fix);
                None
            }
        }
    }

    fn date(&mut self, file: &RuleFile, s: &Spanned<String>, what: &str) -> Option<Ymd> {
        match parse_ymd(s.get_ref()) {
            Some(d) => Some(d),
            None => {
                self.push(
                    file,
                    s.span(),
                    format!("{what} `{}` is not a valid date", s.get_ref()),
                    Some("write an existing date as YYYY-MM-DD, e.g. 2024-05-22".to_string()),
                );
                None
            }
        }
    }

    fn citation(&mut self, file: &RuleFile, c: &CitationRaw) -> Option<Citation> {
        let doc = c.doc.get_ref();
        let clause = c.clause.get_ref();
        match self.clauses.get(doc) {
            None => {
                let known: Vec<&str> = self.clauses.keys().map(String::as_str).collect();
                self.push(
                    file,
                    c.doc.span(),
                    format!("citation names an unknown document `{doc}`"),
                    Some(format!(
                        "use one of: {}; or add the document to rules/documents.toml",
                        known.join(", ")
                    )),
                );
                None
            }
            Some(clauses) if !clauses.contains(clause) => {
                let known: Vec<&str> = clauses.iter().map(String::as_str).collect();
                self.push(
                    file,
                    c.clause.span(),
                    format!("`{doc}` has no clause `{clause}` in rules/documents.toml"),
                    Some(format!(
                        "use one of: {}; or add `[[document.clause]] clause = \"{clause}\"` with its quoted text",
                        known.join(", ")
                    )),
                );
                None
            }
            Some(_) => Some(Citation {
                doc: doc.clone(),
                clause: clause.clone(),
            }),
        }
    }

    fn citation_value(&mut self, file: &RuleFile, v: &Spanned<toml::Value>) -> Option<Citation> {
        let ok = v.get_ref().as_table().and_then(|t| {
            let doc = t.get("doc")?.as_str()?;
            let clause = t.get("clause")?.as_str()?;
            (t.len() == 2).then(|| (doc.to_string(), clause.to_string()))
        });
        match ok {
            None => {
                self.push(
                    file,
                    v.span(),
                    "a citation must be `{ doc = \"…\", clause = \"…\" }`".to_string(),
                    Some("write the 文号 as doc and the clause as clause".to_string()),
                );
                None
            }
            Some((doc, clause)) => {
                let raw = CitationRaw {
                    doc: Spanned::new(v.span(), doc),
                    clause: Spanned::new(v.span(), clause),
                };
                self.citation(file, &raw)
            }
        }
    }

    /// The basis of a parameter: exactly one of `source` and `convention`.
    fn basis<T>(&mut self, file: &RuleFile, name: &str, p: &Spanned<Param<T>>) -> Option<Basis> {
        let param = p.get_ref();
        let shown = file
            .text
            .get(param.value.span())
            .unwrap_or("")
            .trim()
            .to_string();
        match (&param.source, &param.convention) {
            (Some(_), Some(_)) => {
                self.push(
                    file,
                    p.span(),
                    format!("`{name}` {shown} has both a source and a convention"),
                    Some(
                        "keep the source; a convention is only for what no document states"
                            .to_string(),
                    ),
                );
                None
            }
            (None, None) => {
                self.push(
                    file,
                    p.span(),
                    format!("`{name}` {shown} has no citation"),
                    Some(CITE_FIX.to_string()),
                );
                None
            }
            (Some(c), None) => self.citation(file, c).map(Basis::Source),
            (None, Some(why)) => {
                if why.get_ref().trim().len() < 10 {
                    self.push(
                        file,
                        why.span(),
                        format!("`{name}`: the convention must say why, in a sentence"),
                        Some(
                            "explain which document or spec section the value follows".to_string(),
                        ),
                    );
                    None
                } else {
                    Some(Basis::Convention(why.get_ref().clone()))
                }
            }
        }
    }

    fn hours(
        &mut self,
        file: &RuleFile,
        name: &str,
        p: &Spanned<Param<Number>>,
    ) -> Option<Sourced<Tenths>> {
        let basis = self.basis(file, name, p)?;
        let v = p.get_ref().value.get_ref().as_f64();
        let tenths = (v * 10.0).round();
        if v.is_nan() || v <= 0.0 || (v * 10.0 - tenths).abs() > 1e-9 || v > 10_000.0 {
            self.push(
                file,
                p.get_ref().value.span(),
                format!("`{name}` {v} is not a number of hours"),
                Some(
                    "write a positive number of hours with at most one decimal, e.g. 90 or 1.5"
                        .to_string(),
                ),
            );
            return None;
        }
        Some(Sourced {
            value: tenths as Tenths,
            basis,
        })
    }

    fn flag(
        &mut self,
        file: &RuleFile,
        name: &str,
        p: &Spanned<Param<bool>>,
    ) -> Option<Sourced<bool>> {
        let basis = self.basis(file, name, p)?;
        Some(Sourced {
            value: *p.get_ref().value.get_ref(),
            basis,
        })
    }

    fn count(
        &mut self,
        file: &RuleFile,
        name: &str,
        p: &Spanned<Param<i64>>,
        max: i64,
    ) -> Option<Sourced<u32>> {
        let basis = self.basis(file, name, p)?;
        let v = *p.get_ref().value.get_ref();
        if !(0..=max).contains(&v) {
            self.push(
                file,
                p.get_ref().value.span(),
                format!("`{name}` {v} is out of range"),
                Some(format!("use a whole number from 0 to {max}")),
            );
            return None;
        }
        Some(Sourced {
            value: v as u32,
            basis,
        })
    }

    fn words(&mut self, file: &RuleFile, field: &str, v: &Spanned<String>) {
        if v.get_ref().trim().is_empty() {
            self.push(
                file,
                v.span(),
                format!("`{field}` is empty"),
                Some("write it out".into()),
            );
        }
    }

    /// Words that must be found, word for word (spaces aside), in the quote of `c`.
    fn quoted_words(&mut self, file: &RuleFile, c: &Citation, words: &Spanned<String>) -> bool {
        let found = self
            .quotes
            .get(&(c.doc.clone(), c.clause.clone()))
            .map(|q| squash(q).contains(&squash(words.get_ref())));
        match found {
            Some(true) => true,
            Some(false) => {
                self.push(
                    file,
                    words.span(),
                    format!("\"{}\" is not in the quote of {} {}", words.get_ref(), c.doc, c.clause),
                    Some("copy the words as the notice writes them (spaces aside), or cite the clause that has them".into()),
                );
                false
            }
            None => {
                self.push(
                    file,
                    words.span(),
                    format!(
                        "{} {} has no quoted text to find \"{}\" in",
                        c.doc,
                        c.clause,
                        words.get_ref()
                    ),
                    Some(
                        "cite a clause quoted word for word (`text`) in rules/documents.toml"
                            .into(),
                    ),
                );
                false
            }
        }
    }

    fn known(
        &mut self,
        file: &RuleFile,
        span: Range<usize>,
        what: &str,
        id: &str,
        list: &[&str],
    ) -> bool {
        if list.contains(&id) {
            return true;
        }
        self.push(
            file,
            span,
            format!("unknown {what} `{id}`"),
            Some(format!("use one of: {}", list.join(", "))),
        );
        false
    }
}

/// Parses `YYYY-MM-DD`, accepting only dates that exist.
pub fn parse_ymd(s: &str) -> Option<Ymd> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=dim).contains(&d).then_some(Ymd {
        year: y as i32,
        month: m as u8,
        day: d as u8,
    })
}

fn periods_overlap(a: (Option<Ymd>, Option<Ymd>), b: (Option<Ymd>, Option<Ymd>)) -> bool {
    // [from, until], open ends unbounded.
    let starts_before_end = |from: Option<Ymd>, until: Option<Ymd>| match (from, until) {
        (Some(f), Some(u)) => f <= u,
        _ => true,
    };
    starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
}

/// `s` without its whitespace, as quotes are compared.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `quote` occurs in `source`, ignoring whitespace; `……` stands for omitted text.
pub fn quote_found(quote: &str, source: &str) -> bool {
    let source = squash(source);
    let mut at = 0;
    for part in quote.split("……") {
        let part = squash(part);
        if part.is_empty() {
            continue;
        }
        match source[at..].find(&part) {
            Some(i) => at += i + part.len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(parse_ymd("2024-02-29").is_some());
        assert!(parse_ymd("2023-02-29").is_none());
        assert!(parse_ymd("1980-02-30").is_none());
        assert!(parse_ymd("2024-5-22").is_none());
    }

    #[test]
    fn quotes() {
        assert!(quote_found("山区 26 县的申报", "对山区\n26县的申报对象"));
        assert!(quote_found("甲……丙", "甲乙丙"));
        assert!(!quote_found("丙……甲", "甲乙丙"));
    }

    #[test]
    fn overlap() {
        let d = |s| parse_ymd(s);
        assert!(!periods_overlap(
            (None, d("2024-07-31")),
            (d("2024-08-01"), None)
        ));
        assert!(periods_overlap(
            (None, d("2024-08-01")),
            (d("2024-08-01"), None)
        ));
    }
}
