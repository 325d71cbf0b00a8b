//! Checks rules/plans/*.toml: one plan per rule set, every row cited and copied word
//! for word from its quoted clause, row counts as declared, known titles and specialty
//! words, dates that exist, telephone numbers that are numbers.

mod committees;
mod tables;

use super::{squash, Cx};
use crate::ir::*;
use crate::model::*;
use crate::{Diagnostic, RuleFile, RuleFiles};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use toml::Spanned;

const PHONE_FIX: &str = "write one number per entry, digits as the notice gives them: a local number (2033099), a mobile (13705727066) or area code and number (0571-88228292)";

/// What the checks of one plan file need to know about its rule set.
struct PlanCx<'a> {
    file: &'a RuleFile,
    /// The rule set's notice (文号), when the rule set compiled.
    notice: Option<String>,
    year: Option<i32>,
    area_code: Option<String>,
    /// Row clauses already used, for catching two rows citing one clause.
    row_clauses: BTreeMap<Citation, String>,
}

/// A row's text, for checking its copied values: the quote of its clause, squashed.
struct RowQuote {
    what: String,
    clause: String,
    squashed: String,
}

impl Cx {
    /// Checks every plan file; each compiled rule set must have exactly one.
    pub(super) fn plans(&mut self, files: &RuleFiles, rule_sets: &[RuleSet]) -> Vec<Plan> {
        let stems: Vec<String> = files.rule_sets.iter().map(|f| stem(&f.name)).collect();
        let mut out: Vec<Plan> = Vec::new();
        for file in &files.plans {
            let id = stem(&file.name);
            let rs = rule_sets.iter().find(|r| r.id == id);
            if let Some(plan) = self.plan(file, &id, rs, &stems) {
                out.push(plan);
            }
        }
        for rs in rule_sets {
            let has_file = files.plans.iter().any(|f| stem(&f.name) == rs.id);
            if !has_file {
                self.diags.push(Diagnostic {
                    file: rs.file.clone(),
                    line: 1,
                    message: format!("rule set `{}` has no plan (where and when to apply)", rs.id),
                    fix: Some(format!(
                        "add rules/plans/{}.toml with the notice's committee table, or with [no_plan] saying why the notice gives none",
                        rs.id
                    )),
                });
            }
        }
        out.sort_by(|a, b| a.rule_set.cmp(&b.rule_set));
        out
    }

    fn plan(
        &mut self,
        file: &RuleFile,
        id: &str,
        rs: Option<&RuleSet>,
        stems: &[String],
    ) -> Option<Plan> {
        let raw = self.parse::<PlanFile>(file)?;
        let before = self.diags.len();
        let rule_set = raw.rule_set.get_ref().clone();
        if rule_set != id {
            self.push(
                file,
                raw.rule_set.span(),
                format!("plan names rule set `{rule_set}` but its file is `{id}.toml`"),
                Some(format!(
                    "a plan is named after its rule set: set rule_set = \"{id}\", or rename the file"
                )),
            );
        } else if !stems.iter().any(|s| s == id) {
            self.push(
                file,
                raw.rule_set.span(),
                format!("there is no rule set `{id}` (no rules/{id}.toml)"),
                Some(format!("use one of: {}", stems.join(", "))),
            );
        }
        let area_code = raw.area_code.as_ref().and_then(|p| {
            let basis = self.basis(file, "area_code", p);
            let v = p.get_ref().value.get_ref();
            let ok = v.starts_with('0')
                && (3..=4).contains(&v.len())
                && v.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                self.push(
                    file,
                    p.get_ref().value.span(),
                    format!("area_code `{v}` is not an area code"),
                    Some("write the digits with the leading 0, e.g. \"0572\"".into()),
                );
            }
            basis.filter(|_| ok).map(|_| v.clone())
        });
        let mut pc = PlanCx {
            file,
            notice: rs.map(|r| r.notice.clone()),
            year: rs.map(|r| r.year),
            area_code,
            row_clauses: BTreeMap::new(),
        };

        let no_plan = raw.no_plan.as_ref().and_then(|n| {
            let nr = n.get_ref();
            self.words(file, "no_plan summary", &nr.summary);
            self.words(file, "no_plan summary_en", &nr.summary_en);
            self.plan_citation(&pc, &nr.source).map(|source| NoPlan {
                summary: nr.summary.get_ref().clone(),
                summary_en: nr.summary_en.get_ref().clone(),
                source,
            })
        });
        match (&raw.no_plan, raw.committees.is_empty()) {
            (Some(n), false) => self.push(
                file,
                n.span(),
                "[no_plan] and [[committees]] in one plan".into(),
                Some("keep the committee tables and remove [no_plan], or the other way round".into()),
            ),
            (None, true) => self.push(
                file,
                0..0,
                "the plan lists no [[committees]] table".into(),
                Some("copy the notice's committee table, or add [no_plan] with a summary of why the notice gives none".into()),
            ),
            _ => {}
        }

        let schedule = raw.schedule.as_ref().and_then(|s| self.schedule(&pc, s));
        let mut contacts = Vec::new();
        for c in &raw.contacts {
            let cr = c.get_ref();
            let source = self.plan_citation(&pc, &cr.source);
            let quote = source
                .as_ref()
                .and_then(|s| self.quote_of(file, s, c.span(), "the contact"));
            if let Some(q) = &quote {
                self.copied(file, q, "name", &cr.name);
            }
            let phones = self.phones(&pc, &cr.phones, quote.as_ref(), c.span());
            if let Some(source) = source {
                contacts.push(NamedContact {
                    name: cr.name.get_ref().clone(),
                    phones,
                    source,
                });
            }
        }
        let mut notes = Vec::new();
        for n in &raw.notes {
            let nr = n.get_ref();
            self.words(file, "topic", &nr.topic);
            self.words(file, "topic_en", &nr.topic_en);
            if let Some(source) = self.plan_citation(&pc, &nr.source) {
                notes.push(Note {
                    topic: nr.topic.get_ref().clone(),
                    topic_en: nr.topic_en.get_ref().clone(),
                    source,
                });
            }
        }
        let mut committees = Vec::new();
        for t in &raw.committees {
            if let Some(table) = self.committee_table(&mut pc, t) {
                committees.push(table);
            }
        }
        let materials = raw
            .materials
            .as_ref()
            .and_then(|m| self.material_table(&mut pc, m));
        let ce_contacts = raw
            .ce_contacts
            .as_ref()
            .and_then(|m| self.ce_contact_table(&mut pc, m));

        let elsewhere = raw.elsewhere.as_ref().and_then(|e| self.elsewhere(&pc, e));
        let ce_registration = raw
            .ce_registration
            .iter()
            .filter_map(|r| self.ce_registration(&pc, r))
            .collect();

        if self.diags.len() > before {
            return None;
        }
        Some(Plan {
            rule_set,
            area_code: pc.area_code,
            no_plan,
            schedule,
            contacts,
            notes,
            committees,
            materials,
            ce_contacts,
            elsewhere,
            ce_registration,
        })
    }

    /// Where the notice sends an applicant whose title no row serves: its words, copied
    /// from the cited clause, and our summary in both languages.
    fn elsewhere(&mut self, pc: &PlanCx, e: &Spanned<ElsewhereRaw>) -> Option<Elsewhere> {
        let file = pc.file;
        let er = e.get_ref();
        self.words(file, "summary", &er.summary);
        self.words(file, "summary_en", &er.summary_en);
        let source = self.plan_citation(pc, &er.source)?;
        let q = self.quote_of(file, &source, e.span(), "[elsewhere]")?;
        self.copied(file, &q, "text", &er.text);
        Some(Elsewhere {
            text: er.text.get_ref().clone(),
            summary: er.summary.get_ref().clone(),
            summary_en: er.summary_en.get_ref().clone(),
            source,
        })
    }

    /// A citation of a plan: it must resolve, and name the rule set's own notice.
    fn plan_citation(&mut self, pc: &PlanCx, c: &CitationRaw) -> Option<Citation> {
        let cite = self.citation(pc.file, c)?;
        match &pc.notice {
            Some(notice) if *notice != cite.doc => {
                self.push(
                    pc.file,
                    c.doc.span(),
                    format!(
                        "the plan cites `{}`, but its rule set follows `{notice}`",
                        cite.doc
                    ),
                    Some(format!("cite a clause of {notice}")),
                );
                None
            }
            _ => Some(cite),
        }
    }

    /// The squashed quote of a cited clause; a summary cannot be checked against.
    fn quote_of(
        &mut self,
        file: &RuleFile,
        c: &Citation,
        span: Range<usize>,
        what: &str,
    ) -> Option<RowQuote> {
        match self.quotes.get(&(c.doc.clone(), c.clause.clone())) {
            Some(q) => Some(RowQuote {
                what: what.to_string(),
                clause: format!("{} {}", c.doc, c.clause),
                squashed: squash(q),
            }),
            None => {
                self.push(
                    file,
                    span,
                    format!("{what} cites `{} {}`, which has no quoted text", c.doc, c.clause),
                    Some("quote the row word for word as `text` of that clause in rules/documents.toml".into()),
                );
                None
            }
        }
    }

    /// A value copied from the notice: not blank, and found in the quote of its clause.
    fn copied(&mut self, file: &RuleFile, q: &RowQuote, field: &str, v: &Spanned<String>) {
        let text = squash(v.get_ref());
        if text.is_empty() {
            self.push(
                file,
                v.span(),
                format!("{}: `{field}` is empty", q.what),
                Some(
                    "copy the cell from the notice, or leave the field out if the cell is empty"
                        .into(),
                ),
            );
        } else if !q.squashed.contains(&text) {
            self.push(
                file,
                v.span(),
                format!(
                    "{}: `{field}` \"{}\" is not in the quote of {}",
                    q.what,
                    v.get_ref(),
                    q.clause
                ),
                Some("copy the value from the notice as written (spaces aside), or correct the quote in rules/documents.toml".into()),
            );
        }
    }

    fn phones(
        &mut self,
        pc: &PlanCx,
        phones: &[Spanned<String>],
        quote: Option<&RowQuote>,
        span: Range<usize>,
    ) -> Vec<Phone> {
        if phones.is_empty() {
            self.push(
                pc.file,
                span,
                "a contact without a phone number".into(),
                Some("list its numbers as `phones = [\"…\"]`".into()),
            );
        }
        let mut out = Vec::new();
        for p in phones {
            if let Some(q) = quote {
                self.copied(pc.file, q, "phones", p);
            }
            if let Some(phone) = self.phone(pc, p) {
                out.push(phone);
            }
        }
        out
    }

    fn phone(&mut self, pc: &PlanCx, p: &Spanned<String>) -> Option<Phone> {
        let t = p.get_ref();
        let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        let local = |x: &str| digits(x) && (7..=8).contains(&x.len()) && !x.starts_with(['0', '1']);
        let dial = if let Some((area, number)) = t.split_once('-') {
            (digits(area)
                && area.starts_with('0')
                && (3..=4).contains(&area.len())
                && local(number))
            .then(|| format!("{area}{number}"))
        } else if digits(t) && t.len() == 11 && t.starts_with('1') {
            Some(t.clone())
        } else if local(t) {
            match &pc.area_code {
                Some(a) => Some(format!("{a}{t}")),
                None => {
                    self.push(
                        pc.file,
                        p.span(),
                        format!("local number `{t}` but the plan has no `area_code`"),
                        Some("add `area_code = { value = \"0572\", convention = \"…\" }` at the top, so a tel: link can dial it".into()),
                    );
                    return None;
                }
            }
        } else {
            None
        };
        if dial.is_none() {
            self.push(
                pc.file,
                p.span(),
                format!("`{t}` is not a telephone number"),
                Some(PHONE_FIX.into()),
            );
        }
        dial.map(|dial| Phone {
            text: t.clone(),
            dial,
        })
    }

    fn schedule(&mut self, pc: &PlanCx, s: &Spanned<ScheduleRaw>) -> Option<Schedule> {
        let file = pc.file;
        let sr = s.get_ref();
        let source = self.plan_citation(pc, &sr.source)?;
        if let Some(q) = self.quote_of(file, &source, s.span(), "the schedule") {
            self.copied(file, &q, "text", &sr.text);
        }
        let deadline = match &sr.deadline {
            None => None,
            Some(d) => {
                let date = self.date(file, d, "deadline")?;
                if let Some(year) = pc.year {
                    if date.year != year {
                        self.push(
                            file,
                            d.span(),
                            format!("deadline {date} is not in the rule set's year {year}"),
                            Some(format!("write the deadline of the {year} evaluation")),
                        );
                    }
                }
                let said = format!("{}月{}日", date.month, date.day);
                if !squash(sr.text.get_ref()).contains(&said) {
                    self.push(
                        file,
                        d.span(),
                        format!("deadline {date}: the schedule's text does not say {said}"),
                        Some("check the date against the notice, and quote the words that give it as `text`".into()),
                    );
                }
                Some(date)
            }
        };
        Some(Schedule {
            text: sr.text.get_ref().clone(),
            deadline,
            source,
        })
    }

    /// The numbers of a table's rows are exactly 1..=rows, each once.
    fn numbering(
        &mut self,
        file: &RuleFile,
        caption: &str,
        declared: &Spanned<i64>,
        nos: &[&Spanned<i64>],
    ) {
        let n = *declared.get_ref();
        if !(1..=500).contains(&n) {
            self.push(
                file,
                declared.span(),
                format!("table `{caption}`: rows = {n} is not a number of rows"),
                Some("declare how many rows the notice's table has, e.g. rows = 11".into()),
            );
            return;
        }
        if nos.len() as i64 != n {
            self.push(
                file,
                declared.span(),
                format!(
                    "table `{caption}` declares rows = {n} but lists {} row(s)",
                    nos.len()
                ),
                Some(
                    "compare with the notice: a row is missing or extra (or correct `rows`)".into(),
                ),
            );
        }
        let mut seen = BTreeSet::new();
        for no in nos {
            let v = *no.get_ref();
            if !(1..=n).contains(&v) {
                self.push(
                    file,
                    no.span(),
                    format!("table `{caption}`: row number {v} is outside 1..={n}"),
                    Some("number the rows as the notice does (序号)".into()),
                );
            } else if !seen.insert(v) {
                self.push(
                    file,
                    no.span(),
                    format!("table `{caption}`: row number {v} is used twice"),
                    Some("each row keeps the notice's 序号; fix the repeated one".into()),
                );
            }
        }
        let missing: Vec<String> = (1..=n)
            .filter(|i| !seen.contains(i))
            .map(|i| i.to_string())
            .collect();
        if !missing.is_empty() && nos.len() as i64 == n {
            self.push(
                file,
                declared.span(),
                format!("table `{caption}` has no row number {}", missing.join(", ")),
                Some("number the rows as the notice does (序号)".into()),
            );
        }
    }

    /// A row's citation: its own clause of the notice, quoted, starting with its number.
    fn row_source(
        &mut self,
        pc: &mut PlanCx,
        caption: &str,
        no: &Spanned<i64>,
        c: &CitationRaw,
    ) -> Option<(Citation, RowQuote)> {
        let file = pc.file;
        let source = self.plan_citation(pc, c)?;
        let what = format!("`{caption}` row {}", no.get_ref());
        if let Some(other) = pc.row_clauses.insert(source.clone(), what.clone()) {
            self.push(
                file,
                c.clause.span(),
                format!("{what} cites `{}`, as {other} does", source.clause),
                Some("each row cites its own clause, e.g. \"附件1 第12项\"".into()),
            );
        }
        let q = self.quote_of(file, &source, c.clause.span(), &what)?;
        let number = no.get_ref().to_string();
        let starts = q.squashed.starts_with(&number)
            && !q.squashed[number.len()..].starts_with(|ch: char| ch.is_ascii_digit());
        if !starts {
            self.push(
                file,
                c.clause.span(),
                format!(
                    "{what} cites `{}`, whose quote does not begin with {number}",
                    source.clause
                ),
                Some("cite the clause of this row, or begin its quote with the row's 序号".into()),
            );
        }
        Some((source, q))
    }
}

/// `rules/plans/zj-liandu-2024.toml` → `zj-liandu-2024`.
fn stem(name: &str) -> String {
    name.rsplit('/')
        .next()
        .unwrap_or(name)
        .trim_end_matches(".toml")
        .to_string()
}
