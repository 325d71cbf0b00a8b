//! Checks the rule files and merges the national layer into each rule set.
//!
//! Every mistake becomes a `Diagnostic` naming the file, the line, what is wrong and
//! what would be right. All mistakes are collected, not just the first.

use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::{Diagnostic, RuleFile, RuleFiles};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

mod plans;

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
    fraud_ban_years: Sourced<u32>,
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

    // ───────────────────────────── documents ─────────────────────────────

    fn documents(&mut self, files: &RuleFiles) -> Vec<Document> {
        let file = &files.documents;
        let Some(raw) = self.parse::<DocumentsFile>(file) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for d in &raw.document {
            let span = d.span();
            let d = d.get_ref();
            let id = d.doc.get_ref().clone();
            if self.clauses.contains_key(&id) {
                self.push(
                    file,
                    d.doc.span(),
                    format!("document `{id}` is listed twice"),
                    Some("merge the two entries".into()),
                );
                continue;
            }
            let date = d
                .date
                .as_ref()
                .and_then(|s| self.date(file, s, "document date"));
            let text = match &d.file {
                None => None,
                Some(f) => match files.source_texts.get(f.get_ref()) {
                    Some(t) => Some(t.clone()),
                    None => {
                        self.push(
                            file,
                            f.span(),
                            format!("`{}` is not in rules/sources/", f.get_ref()),
                            Some("copy the notice's text there, or remove `file`".into()),
                        );
                        None
                    }
                },
            };
            let mut clauses = Vec::new();
            let mut names = BTreeSet::new();
            for c in &d.clause {
                let c = c.get_ref();
                let name = c.clause.get_ref().clone();
                if !names.insert(name.clone()) {
                    self.push(
                        file,
                        c.clause.span(),
                        format!("`{id}` lists clause `{name}` twice"),
                        Some("keep one".into()),
                    );
                    continue;
                }
                let body = match (&c.text, &c.summary, &c.summary_en) {
                    (Some(t), None, None) => {
                        match (&d.file, &text) {
                            (None, _) => self.push(
                                file,
                                t.span(),
                                format!("`{id}` {name}: a quote needs the document's text in rules/sources/"),
                                Some("write `summary` and `summary_en` instead, or add `file`".into()),
                            ),
                            (Some(_), Some(source)) if !quote_found(t.get_ref(), source) => self.push(
                                file,
                                t.span(),
                                format!("`{id}` {name}: the quoted text is not in the notice's text"),
                                Some(format!(
                                    "copy the clause word for word from rules/sources/{}; mark an omission with ……",
                                    d.file.as_ref().map(|f| f.get_ref().as_str()).unwrap_or("")
                                )),
                            ),
                            _ => {}
                        }
                        self.quotes
                            .insert((id.clone(), name.clone()), t.get_ref().clone());
                        ClauseText::Quote(t.get_ref().clone())
                    }
                    (None, Some(zh), Some(en)) => ClauseText::Summary {
                        zh: zh.clone(),
                        en: en.clone(),
                    },
                    _ => {
                        self.push(
                            file,
                            c.clause.span(),
                            format!("`{id}` clause `{name}` needs either `text` (a quote) or `summary` and `summary_en`"),
                            Some("quote the clause from the notice as `text`, or summarise it in both languages".into()),
                        );
                        continue;
                    }
                };
                clauses.push(Clause {
                    clause: name,
                    text: body,
                });
            }
            if clauses.is_empty() {
                self.push(
                    file,
                    span.clone(),
                    format!("document `{id}` has no clause"),
                    Some("add at least one [[document.clause]]".into()),
                );
            }
            if d.file.is_some() {
                self.with_file.insert(id.clone());
            }
            self.clauses.insert(id.clone(), names);
            out.push(Document {
                doc: id,
                title: d.title.clone(),
                title_en: d.title_en.clone(),
                issuer: d.issuer.clone(),
                issuer_en: d.issuer_en.clone(),
                date,
                file: d.file.as_ref().map(|f| f.get_ref().clone()),
                clauses,
            });
        }
        out
    }

    // ───────────────────────────── national ─────────────────────────────

    fn national(&mut self, file: &RuleFile) -> Option<(National, NationalRaw)> {
        let raw = self.parse::<NationalFile>(file)?;
        let before = self.diags.len();

        // Paths.
        let mut paths = Vec::new();
        for (target, row) in &raw.paths {
            if !self.known(
                file,
                row.span(),
                "target title",
                target,
                &[vocab::ENGINEERING_TARGETS, vocab::ECONOMICS_TARGETS].concat(),
            ) {
                continue;
            }
            let row_ref = row.get_ref();
            let source = match row_ref.get("source") {
                Some(v) => self.citation_value(file, v),
                None => {
                    self.push(
                        file,
                        row.span(),
                        format!("path row `{target}` has no citation"),
                        Some(CITE_FIX.into()),
                    );
                    None
                }
            };
            for key in row_ref.keys() {
                if key != "source" && !vocab::EDUCATIONS.contains(&key.as_str()) {
                    let span = row_ref[key].span();
                    self.known(file, span, "education", key, vocab::EDUCATIONS);
                }
            }
            let mut steps = Vec::new();
            for edu in vocab::EDUCATIONS {
                let Some(v) = row_ref.get(*edu) else {
                    self.push(
                        file,
                        row.span(),
                        format!("path row `{target}` says nothing for `{edu}`"),
                        Some(format!("add `{edu} = {{ requires = \"…\", years = N }}`, `{{ years = N }}` or `\"none\"`")),
                    );
                    continue;
                };
                steps.push(self.path_step(file, target, edu, v));
            }
            if let (Some(source), true) = (source, steps.len() == vocab::EDUCATIONS.len()) {
                paths.push(PathRule {
                    target: target.clone(),
                    source,
                    steps: steps.into_iter().flatten().collect(),
                });
            }
        }
        for t in vocab::ENGINEERING_TARGETS
            .iter()
            .chain(vocab::ECONOMICS_TARGETS)
        {
            if !raw.paths.contains_key(*t) {
                self.push(
                    file,
                    0..0,
                    format!("no path row for target `{t}`"),
                    Some(format!("add [paths.{t}]")),
                );
            }
        }

        // Retirement.
        let r = &raw.retirement;
        let source = self.citation(file, &r.source);
        let reform_start = self.date(file, &r.reform_start, "reform_start");
        let mut groups = Vec::new();
        for (name, g) in &r.groups {
            self.known(
                file,
                g.span(),
                "retirement group",
                name,
                vocab::RETIREMENT_GROUPS,
            );
        }
        for name in vocab::RETIREMENT_GROUPS {
            match r.groups.get(*name) {
                None => self.push(
                    file,
                    0..0,
                    format!("retirement group `{name}` is missing"),
                    Some(format!("add [retirement.groups.{name}]")),
                ),
                Some(g) => {
                    let gr = g.get_ref();
                    let ok = (30..=80).contains(&gr.original_age_years)
                        && (1..=24).contains(&gr.months_per_step)
                        && (0..=120).contains(&gr.max_raise_months);
                    if !ok {
                        self.push(
                            file,
                            g.span(),
                            format!("retirement group `{name}` has a value out of range"),
                            Some("original_age_years 30–80, months_per_step 1–24, max_raise_months 0–120".into()),
                        );
                    } else {
                        groups.push(RetirementGroup {
                            group: name.to_string(),
                            original_age_years: gr.original_age_years as u32,
                            months_per_step: gr.months_per_step as u32,
                            max_raise_months: gr.max_raise_months as u32,
                        });
                    }
                }
            }
        }

        // Sanctions.
        let mut sanction_periods = Vec::new();
        let mut sanction_period_sources = Vec::new();
        match &raw.sanctions.periods {
            None => self.push(
                file,
                0..0,
                "[sanctions.periods] is missing".into(),
                Some("add the months each sanction kind is in force".into()),
            ),
            Some(p) => {
                let table = p.get_ref();
                match table
                    .get("sources")
                    .map(|s| (s.span(), s.get_ref().as_array().cloned()))
                {
                    Some((span, Some(list))) if !list.is_empty() => {
                        for item in list {
                            let v = Spanned::new(span.clone(), item);
                            if let Some(c) = self.citation_value(file, &v) {
                                sanction_period_sources.push(c);
                            }
                        }
                    }
                    _ => self.push(
                        file,
                        p.span(),
                        "[sanctions.periods] has no `sources`".into(),
                        Some(CITE_FIX.into()),
                    ),
                }
                for key in table.keys() {
                    if key != "sources" {
                        self.known(
                            file,
                            table[key].span(),
                            "sanction kind",
                            key,
                            vocab::SANCTION_KINDS,
                        );
                    }
                }
                for kind in vocab::SANCTION_KINDS {
                    match table.get(*kind) {
                        None => self.push(
                            file,
                            p.span(),
                            format!("no period for sanction `{kind}`"),
                            Some(format!("add `{kind} = N` (months) or `\"permanent\"`")),
                        ),
                        Some(v) => match v.get_ref() {
                            toml::Value::Integer(m) if (1..=240).contains(m) => {
                                sanction_periods.push(Some(*m as u32))
                            }
                            toml::Value::String(s) if s == "permanent" => {
                                sanction_periods.push(None)
                            }
                            _ => self.push(
                                file,
                                v.span(),
                                format!("the period of `{kind}` must be months or \"permanent\""),
                                Some("write e.g. 12 or \"permanent\"".into()),
                            ),
                        },
                    }
                }
            }
        }
        let blocking = self.blocking(file, raw.sanctions.blocking_for_public_institution.as_ref());
        let public_official_blocks = match &raw.sanctions.public_official_blocks {
            Some(p) => self.flag(file, "public_official_blocks", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "national.toml: [sanctions] public_official_blocks is missing".into(),
                    Some("add it with its basis".into()),
                );
                None
            }
        };

        // Service, fraud, post, exams, CE.
        let end_of_year = match &raw.service.end_of_year {
            Some(p) => self.month_day(file, p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[service] end_of_year is missing".into(),
                    Some("add `end_of_year = { value = \"12-31\", … }`".into()),
                );
                None
            }
        };
        let exclude = match &raw.service.exclude_unqualified_years {
            Some(p) => self.flag(file, "exclude_unqualified_years", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[service] exclude_unqualified_years is missing".into(),
                    Some("add it with its basis".into()),
                );
                None
            }
        };
        let fraud = self.count(file, "ban_years", &raw.fraud.ban_years, 20);
        let post_wage = self.flag(
            file,
            "requires_post_wage",
            &raw.technical_post.requires_post_wage,
        );
        let exam = {
            let p = &raw.exams.senior_economist;
            let basis = self.basis(file, "senior_economist", p);
            let v = p.get_ref().value.get_ref().clone();
            let ok = self.known(file, p.get_ref().value.span(), "exam", &v, vocab::EXAMS);
            basis
                .filter(|_| ok)
                .map(|basis| Sourced { value: v, basis })
        };
        if let Some(p) = &raw.ce.policy {
            self.push(
                file,
                p.span(),
                "the national layer sets no CE policy".into(),
                Some("move `policy` to the rule set".into()),
            );
        }
        let min_total = match &raw.ce.min_total {
            Some(p) => self.hours(file, "min_total", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[ce] min_total is missing".into(),
                    Some("add the national baseline".into()),
                );
                None
            }
        };
        let min_professional = match &raw.ce.min_professional {
            Some(p) => self.hours(file, "min_professional", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[ce] min_professional is missing".into(),
                    Some("add the national baseline".into()),
                );
                None
            }
        };
        for (name, present) in [
            ("min_public", raw.ce.min_public.is_some()),
            ("min_general", raw.ce.min_general.is_some()),
            ("deemed_through_year", raw.ce.deemed_through_year.is_some()),
            ("online_cap", raw.ce.online_cap.is_some()),
            (
                "online_cap_exempt_years",
                raw.ce.online_cap_exempt_years.is_some(),
            ),
            ("advisory", raw.ce.advisory.is_some()),
        ] {
            if present {
                self.push(
                    file,
                    0..0,
                    format!("national [ce] sets `{name}`, which belongs to a rule set"),
                    Some("move it to the rule set's [ce]".into()),
                );
            }
        }

        // Mountain counties: dated lists must not overlap.
        let mut mountain_lists: Vec<MountainList> = Vec::new();
        for m in &raw.mountain_counties {
            let mr = m.get_ref();
            let from = mr.from.as_ref().and_then(|s| self.date(file, s, "from"));
            let until = mr.until.as_ref().and_then(|s| self.date(file, s, "until"));
            let source = self.citation(file, &mr.source);
            if let (Some(f), Some(u)) = (from, until) {
                if f > u {
                    self.push(
                        file,
                        m.span(),
                        format!("list `{}` ends before it starts", mr.name),
                        Some("swap from and until".into()),
                    );
                }
            }
            if mr.counties.is_empty() {
                self.push(
                    file,
                    m.span(),
                    format!("list `{}` names no county", mr.name),
                    Some("add the counties".into()),
                );
            }
            let list = MountainList {
                name: mr.name.clone(),
                name_en: mr.name_en.clone(),
                from,
                until,
                source: source.unwrap_or(Citation {
                    doc: String::new(),
                    clause: String::new(),
                }),
                counties: mr.counties.clone(),
            };
            for other in &mountain_lists {
                if periods_overlap((list.from, list.until), (other.from, other.until)) {
                    self.push(
                        file,
                        m.span(),
                        format!(
                            "list `{}` overlaps the dates of list `{}`",
                            list.name, other.name
                        ),
                        Some("make one end (`until`) before the next starts (`from`)".into()),
                    );
                }
            }
            mountain_lists.push(list);
        }

        let citations = self.citation_table(file, &raw.citations);

        if self.diags.len() > before {
            return None;
        }
        let national = National {
            paths,
            retirement: Retirement {
                source: source?,
                reform_start: reform_start?,
                groups,
            },
            sanction_periods,
            sanction_period_sources,
            mountain_lists,
        };
        let nat_raw = NationalRaw {
            end_of_year: end_of_year?,
            exclude_unqualified_years: exclude?,
            blocking: blocking?,
            public_official_blocks: public_official_blocks?,
            fraud_ban_years: fraud?,
            requires_post_wage: post_wage?,
            senior_economist_exam: exam?,
            min_total: min_total?,
            min_professional: min_professional?,
            citations,
        };
        Some((national, nat_raw))
    }

    fn path_step(
        &mut self,
        file: &RuleFile,
        target: &str,
        edu: &str,
        v: &Spanned<toml::Value>,
    ) -> Option<Option<PathStep>> {
        let bad = |cx: &mut Cx| {
            cx.push(
                file,
                v.span(),
                format!("path `{target}` / `{edu}` must be {{ requires = \"title\", years = N }}, {{ years = N }} or \"none\""),
                Some("see docs/rules.md, qualification paths".into()),
            );
            None
        };
        match v.get_ref() {
            toml::Value::String(s) if s == "none" => Some(None),
            toml::Value::Table(t) => {
                let years = t.get("years").and_then(toml::Value::as_integer);
                let requires = t.get("requires").map(|r| r.as_str());
                let extra = t.keys().any(|k| k != "years" && k != "requires");
                match (years, requires, extra) {
                    (Some(y), None, false) if (0..=30).contains(&y) => Some(Some(PathStep {
                        requires: None,
                        years: y as u32,
                    })),
                    (Some(y), Some(Some(title)), false) if (0..=30).contains(&y) => {
                        if self.known(file, v.span(), "title", title, vocab::TITLES) {
                            if title == target {
                                self.push(
                                    file,
                                    v.span(),
                                    format!("path `{target}` requires itself"),
                                    Some("name the lower title".into()),
                                );
                                return None;
                            }
                            Some(Some(PathStep {
                                requires: Some(title.to_string()),
                                years: y as u32,
                            }))
                        } else {
                            None
                        }
                    }
                    _ => bad(self),
                }
            }
            _ => bad(self),
        }
    }

    fn month_day(
        &mut self,
        file: &RuleFile,
        p: &Spanned<Param<String>>,
    ) -> Option<Sourced<(u8, u8)>> {
        let basis = self.basis(file, "end_of_year", p)?;
        let s = p.get_ref().value.get_ref();
        match parse_ymd(&format!("2001-{s}")) {
            Some(d) => Some(Sourced {
                value: (d.month, d.day),
                basis,
            }),
            None => {
                self.push(
                    file,
                    p.get_ref().value.span(),
                    format!("`end_of_year` `{s}` is not a month and day"),
                    Some("write MM-DD, e.g. \"12-31\"".into()),
                );
                None
            }
        }
    }

    fn blocking(
        &mut self,
        file: &RuleFile,
        p: Option<&Spanned<Param<Vec<String>>>>,
    ) -> Option<Sourced<Vec<String>>> {
        let Some(p) = p else {
            self.push(
                file,
                0..0,
                "[sanctions] blocking_for_public_institution is missing".into(),
                Some("list the sanction kinds that block".into()),
            );
            return None;
        };
        let basis = self.basis(file, "blocking_for_public_institution", p)?;
        let kinds = p.get_ref().value.get_ref().clone();
        let span = p.get_ref().value.span();
        let mut ok = true;
        for k in &kinds {
            ok &= self.known(
                file,
                span.clone(),
                "sanction kind",
                k,
                vocab::SANCTION_KINDS,
            );
        }
        ok.then_some(Sourced {
            value: kinds,
            basis,
        })
    }

    fn citation_table(
        &mut self,
        file: &RuleFile,
        raw: &BTreeMap<String, Spanned<Vec<CitationRaw>>>,
    ) -> BTreeMap<String, Vec<Citation>> {
        let mut out = BTreeMap::new();
        for (check, list) in raw {
            if !self.known(file, list.span(), "check id", check, vocab::CHECK_IDS) {
                continue;
            }
            if list.get_ref().is_empty() {
                self.push(
                    file,
                    list.span(),
                    format!("citations for `{check}` are empty"),
                    Some("cite at least one clause, or remove the line".into()),
                );
            }
            let cites: Vec<Citation> = list
                .get_ref()
                .iter()
                .filter_map(|c| self.citation(file, c))
                .collect();
            out.insert(check.clone(), cites);
        }
        out
    }

    // ───────────────────────────── a rule set ─────────────────────────────

    fn rule_set(
        &mut self,
        file: &RuleFile,
        national: &National,
        nat: &NationalRaw,
    ) -> Option<RuleSet> {
        let raw = self.parse::<RuleSetFile>(file)?;
        let before = self.diags.len();
        let id = raw.id.get_ref().clone();
        let stem = file
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&file.name)
            .trim_end_matches(".toml");
        if id != stem {
            self.push(
                file,
                raw.id.span(),
                format!("rule set id `{id}` differs from its file name `{stem}.toml`"),
                Some(format!("name the file {id}.toml, or set id = \"{stem}\"")),
            );
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || id.is_empty()
        {
            self.push(
                file,
                raw.id.span(),
                format!("rule set id `{id}` must be lowercase letters, digits and dashes"),
                Some("e.g. zj-liandu-2025".into()),
            );
        }
        let notice = raw.notice.get_ref().clone();
        if !self.clauses.contains_key(&notice) {
            self.push(
                file,
                raw.notice.span(),
                format!("notice `{notice}` is not in rules/documents.toml"),
                Some("add the notice as a [[document]] with its text file".into()),
            );
        } else if !self.with_file.contains(&notice) {
            self.push(
                file,
                raw.notice.span(),
                format!("notice `{notice}` has no bundled text"),
                Some(
                    "add its text to rules/sources/ and set `file` in rules/documents.toml".into(),
                ),
            );
        }
        let year = *raw.year.get_ref();
        if !(2000..=2100).contains(&year) {
            self.push(
                file,
                raw.year.span(),
                format!("year {year} is out of range"),
                Some("use the year of the evaluation the notice rules, e.g. 2025".into()),
            );
        }
        let year = year as i32;
        let drd = {
            let p = &raw.default_reference_date;
            let basis = self.basis(file, "default_reference_date", p);
            let d = self.date(file, &p.get_ref().value, "default_reference_date");
            if let Some(d) = d {
                if d.year != year {
                    self.push(
                        file,
                        p.get_ref().value.span(),
                        format!("default_reference_date {d} is not in the rule set's year {year}"),
                        Some(format!(
                            "use a date in {year}, usually the notice's date or deadline"
                        )),
                    );
                }
            }
            basis.and(d)
        };

        // Coverage.
        let cov = raw.coverage.get_ref();
        let cov_source = self.citation(file, &cov.source);
        let mut engineering = Vec::new();
        for t in &cov.engineering {
            if self.known(
                file,
                t.span(),
                "engineering target",
                t.get_ref(),
                vocab::ENGINEERING_TARGETS,
            ) {
                engineering.push(t.get_ref().clone());
            }
        }
        let mut economics = Vec::new();
        for t in &cov.economics {
            if self.known(
                file,
                t.span(),
                "economics target",
                t.get_ref(),
                vocab::ECONOMICS_TARGETS,
            ) {
                economics.push(t.get_ref().clone());
            }
        }
        if engineering.is_empty() && economics.is_empty() {
            self.push(
                file,
                raw.coverage.span(),
                "[coverage] covers no target title".into(),
                Some("list the titles under `engineering` or `economics`".into()),
            );
        }
        if let Some(sp) = &cov.specialties {
            if sp.is_empty() || sp.iter().any(|s| s.trim().is_empty()) {
                self.push(
                    file,
                    raw.coverage.span(),
                    "[coverage] specialties must be non-empty words".into(),
                    Some("list them, or remove `specialties` to cover every specialty".into()),
                );
            }
        }

        // Service.
        let end_of_year = match &raw.service.end_of_year {
            Some(p) => self.month_day(file, p),
            None => Some(nat.end_of_year.clone()),
        };
        let exclude = match &raw.service.exclude_unqualified_years {
            Some(p) => self.flag(file, "exclude_unqualified_years", p),
            None => Some(nat.exclude_unqualified_years.clone()),
        };

        // Sanctions, post, fraud, language, mountain counties.
        let (blocking, public_official) = match &raw.sanctions {
            None => (
                Some(nat.blocking.clone()),
                Some(nat.public_official_blocks.clone()),
            ),
            Some(s) => (
                match &s.blocking_for_public_institution {
                    Some(p) => self.blocking(file, Some(p)),
                    None => Some(nat.blocking.clone()),
                },
                match &s.public_official_blocks {
                    Some(p) => self.flag(file, "public_official_blocks", p),
                    None => Some(nat.public_official_blocks.clone()),
                },
            ),
        };
        let post_wage = match &raw.technical_post {
            Some(t) => self.flag(file, "requires_post_wage", &t.requires_post_wage),
            None => Some(nat.requires_post_wage.clone()),
        };
        let fraud = match &raw.fraud {
            Some(f) => self.count(file, "ban_years", &f.ban_years, 20),
            None => Some(nat.fraud_ban_years.clone()),
        };
        let language = match &raw.foreign_language {
            Some(l) => self.flag(file, "required", &l.required).map(Some),
            None => Some(None),
        };
        let mountain = match &raw.mountain_counties {
            None => Some(None),
            Some(m) => {
                let src = self.citation(file, &m.source);
                let county = m.county.get_ref();
                if !national
                    .mountain_lists
                    .iter()
                    .any(|l| l.counties.contains(county))
                {
                    self.push(file, m.county.span(), format!("county `{county}` is in none of the mountain-county lists of rules/national.toml"), Some("check the spelling (e.g. 莲都区), or remove [mountain_counties]".into()));
                }
                src.map(|s| Some((county.clone(), s)))
            }
        };

        // CE.
        let ce = self.ce(file, &raw.ce, nat, year);

        // Citations.
        let local = self.citation_table(file, &raw.citations);

        if self.diags.len() > before {
            return None;
        }
        let (
            cov_source,
            end_of_year,
            exclude,
            blocking,
            public_official,
            post_wage,
            fraud,
            language,
            mountain,
            ce,
        ) = (
            cov_source?,
            end_of_year?,
            exclude?,
            blocking?,
            public_official?,
            post_wage?,
            fraud?,
            language?,
            mountain?,
            ce?,
        );

        let cite = |b: &Basis| b.citation().cloned();
        let mut general: BTreeMap<&str, Vec<Option<Citation>>> = BTreeMap::new();
        general.insert("retirement", vec![Some(national.retirement.source.clone())]);
        let mut sanction = vec![cite(&blocking.basis)];
        sanction.extend(national.sanction_period_sources.iter().cloned().map(Some));
        if public_official.value {
            sanction.push(cite(&public_official.basis));
        }
        general.insert("sanction", sanction);
        general.insert("fraud_ban", vec![cite(&fraud.basis)]);
        general.insert(
            "technical_post",
            vec![post_wage.value.then(|| cite(&post_wage.basis)).flatten()],
        );
        general.insert(
            "service_years",
            vec![
                cite(&end_of_year.basis),
                exclude.value.then(|| cite(&exclude.basis)).flatten(),
            ],
        );
        general.insert("ce_hours", ce.sources.iter().cloned().map(Some).collect());
        general.insert("exam", vec![cite(&nat.senior_economist_exam.basis)]);
        if let Some(l) = &language {
            general.insert("foreign_language", vec![cite(&l.basis)]);
        }
        if let Some((_, src)) = &mountain {
            let mut v = vec![Some(src.clone())];
            v.extend(
                national
                    .mountain_lists
                    .iter()
                    .map(|l| Some(l.source.clone())),
            );
            general.insert("mountain_counties", v);
        }
        general.insert("projection", vec![Some(cov_source.clone())]);
        general.insert("coverage", vec![Some(cov_source.clone())]);

        let mut citations = BTreeMap::new();
        for check in vocab::CHECK_IDS {
            let local_list = local.get(*check).cloned().unwrap_or_default();
            let mut gen: Vec<Citation> = Vec::new();
            for c in general
                .get(check)
                .into_iter()
                .flatten()
                .flatten()
                .chain(nat.citations.get(*check).into_iter().flatten())
            {
                if !local_list.contains(c) && !gen.contains(c) {
                    gen.push(c.clone());
                }
            }
            let path_check = matches!(
                *check,
                "qualification_path" | "prerequisite_title" | "service_years"
            );
            let emitted = match *check {
                "foreign_language" => language.is_some(),
                "mountain_counties" => mountain.is_some(),
                _ => true,
            };
            if emitted && !path_check && local_list.is_empty() && gen.is_empty() {
                self.push(
                    file,
                    0..0,
                    format!("check `{check}` has nothing to cite"),
                    Some(format!(
                        "add `{check} = [{{ doc = \"…\", clause = \"…\" }}]` under [citations]"
                    )),
                );
            }
            citations.insert(
                check.to_string(),
                CheckCitations {
                    local: local_list,
                    general: gen,
                },
            );
        }
        if self.diags.len() > before {
            return None;
        }

        Some(RuleSet {
            id,
            file: file.name.clone(),
            name: raw.name.clone(),
            name_en: raw.name_en.clone(),
            region: raw.region.clone(),
            region_en: raw.region_en.clone(),
            notice,
            year,
            default_reference_date: drd?,
            coverage: Coverage {
                source: cov_source,
                engineering,
                economics,
                specialties: cov.specialties.clone(),
                summary: cov.summary.clone(),
                summary_en: cov.summary_en.clone(),
                leaves_out: cov.leaves_out.clone(),
                leaves_out_en: cov.leaves_out_en.clone(),
            },
            service_end: end_of_year.value,
            exclude_unqualified_years: exclude.value,
            requires_post_wage: post_wage.value,
            blocking_for_public_institution: blocking.value,
            public_official_blocks: public_official.value,
            fraud_ban_years: fraud.value,
            senior_economist_exam: nat.senior_economist_exam.value.clone(),
            foreign_language_required: language.map(|l| l.value),
            mountain_county: mountain.map(|(c, _)| c),
            ce,
            citations,
        })
    }

    fn ce(
        &mut self,
        file: &RuleFile,
        ce: &Spanned<CeRaw>,
        nat: &NationalRaw,
        year: i32,
    ) -> Option<Ce> {
        let raw = ce.get_ref();
        let policy = match &raw.policy {
            None => {
                self.push(
                    file,
                    ce.span(),
                    "[ce] has no `policy`".into(),
                    Some(format!(
                        "add `policy = \"…\"`, one of: {}",
                        vocab::CE_POLICIES.join(", ")
                    )),
                );
                None
            }
            Some(p) => self
                .known(file, p.span(), "CE policy", p.get_ref(), vocab::CE_POLICIES)
                .then(|| p.get_ref().clone()),
        };
        let min_total = match &raw.min_total {
            Some(p) => self.hours(file, "min_total", p),
            None => Some(nat.min_total.clone()),
        };
        let min_professional = match &raw.min_professional {
            Some(p) => self.hours(file, "min_professional", p),
            None => Some(nat.min_professional.clone()),
        };
        let min_public = raw
            .min_public
            .as_ref()
            .map(|p| self.hours(file, "min_public", p));
        let min_general = raw
            .min_general
            .as_ref()
            .map(|p| self.hours(file, "min_general", p));
        let deemed = raw.deemed_through_year.as_ref().map(|p| {
            let basis = self.basis(file, "deemed_through_year", p)?;
            let y = *p.get_ref().value.get_ref();
            if !(1990..year as i64).contains(&y) {
                self.push(
                    file,
                    p.get_ref().value.span(),
                    format!("`deemed_through_year` {y} must be before the rule set's year {year}"),
                    Some(
                        "name the last year whose hours count as met, e.g. 2018 for \"2019年以前\""
                            .into(),
                    ),
                );
                return None;
            }
            Some(Sourced {
                value: y as i32,
                basis,
            })
        });
        let cap = raw
            .online_cap
            .as_ref()
            .map(|p| self.hours(file, "online_cap", p));
        let exempt = match &raw.online_cap_exempt_years {
            None => Some(Vec::new()),
            Some(p) => {
                let basis = self.basis(file, "online_cap_exempt_years", p);
                if raw.online_cap.is_none() {
                    self.push(
                        file,
                        p.span(),
                        "`online_cap_exempt_years` without an `online_cap`".into(),
                        Some("add the cap, or remove the exemption".into()),
                    );
                }
                let years = p.get_ref().value.get_ref();
                if years.iter().any(|y| !(1990..=2100).contains(y)) {
                    self.push(
                        file,
                        p.get_ref().value.span(),
                        "`online_cap_exempt_years` lists an impossible year".into(),
                        Some("list years like 2020".into()),
                    );
                }
                basis.map(|_| years.iter().map(|y| *y as i32).collect())
            }
        };
        let advisory = match &raw.advisory {
            None => Some(false),
            Some(p) => self.flag(file, "advisory", p).map(|s| s.value),
        };
        let (policy, min_total, min_professional) = (policy?, min_total?, min_professional?);
        let min_public = min_public.map_or(Some(None), |o| o.map(Some))?;
        let min_general = min_general.map_or(Some(None), |o| o.map(Some))?;
        let deemed = deemed.map_or(Some(None), |o| o.map(Some))?;
        let cap = cap.map_or(Some(None), |o| o.map(Some))?;
        if min_professional.value > min_total.value {
            self.push(
                file,
                ce.span(),
                "min_professional is more than min_total".into(),
                Some("check the two numbers against the notice".into()),
            );
        }
        if let (Some(g), Some(p)) = (&min_general, &min_public) {
            if g.value > p.value {
                self.push(
                    file,
                    ce.span(),
                    "min_general is more than min_public".into(),
                    Some("the general public hours are part of the public hours".into()),
                );
            }
        }
        let mut sources: Vec<Citation> = Vec::new();
        let bases = [
            Some(&min_total.basis),
            Some(&min_professional.basis),
            min_public.as_ref().map(|s| &s.basis),
            min_general.as_ref().map(|s| &s.basis),
            deemed.as_ref().map(|s| &s.basis),
            cap.as_ref().map(|s| &s.basis),
        ];
        for c in bases.into_iter().flatten().filter_map(Basis::citation) {
            if !sources.contains(c) {
                sources.push(c.clone());
            }
        }
        Some(Ce {
            policy,
            min_total,
            min_professional,
            min_public,
            min_general,
            deemed_through_year: deemed,
            online_cap: cap,
            online_cap_exempt_years: exempt?,
            advisory: advisory?,
            sources,
        })
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
