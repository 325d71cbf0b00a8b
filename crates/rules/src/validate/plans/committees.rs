//! A plan's committee tables: each row's copied cells, the titles it evaluates or
//! recommends (named by its text), its specialty words, whom it is only for, and the
//! specialties it leaves out.

use super::{squash, PlanCx, RowQuote};
use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::RuleFile;
use toml::Spanned;

impl super::super::Cx {
    pub(super) fn title_list(
        &mut self,
        file: &RuleFile,
        what: &str,
        list: &[Spanned<String>],
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in list {
            if !self.known(file, t.span(), "title", t.get_ref(), vocab::TITLES) {
                continue;
            }
            if out.contains(t.get_ref()) {
                self.push(
                    file,
                    t.span(),
                    format!("{what} lists `{}` twice", t.get_ref()),
                    Some("keep one".into()),
                );
                continue;
            }
            out.push(t.get_ref().clone());
        }
        out
    }

    /// Specialty words: single words, each once, each found in the row's own text.
    pub(super) fn specialty_words(
        &mut self,
        file: &RuleFile,
        q: Option<&RowQuote>,
        list: &[Spanned<String>],
    ) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in list {
            let word = w.get_ref();
            if word.is_empty() || word.chars().any(char::is_whitespace) {
                self.push(
                    file,
                    w.span(),
                    format!("specialty word `{word}` must be one word without spaces"),
                    Some("split it, e.g. [\"轻纺\", \"材料\"]".into()),
                );
                continue;
            }
            if out.contains(word) {
                self.push(
                    file,
                    w.span(),
                    format!("specialty word `{word}` is listed twice"),
                    Some("keep one".into()),
                );
                continue;
            }
            if let Some(q) = q {
                if !q.squashed.contains(word.as_str()) {
                    self.push(
                        file,
                        w.span(),
                        format!(
                            "{}: specialty word `{word}` is not in the quote of {}",
                            q.what, q.clause
                        ),
                        Some("use words the notice itself uses for the row's specialties".into()),
                    );
                }
            }
            out.push(word.clone());
        }
        out
    }

    pub(super) fn committee_table(
        &mut self,
        pc: &mut PlanCx,
        t: &Spanned<CommitteeTableRaw>,
    ) -> Option<CommitteeTable> {
        let file = pc.file;
        let tr = t.get_ref();
        let caption = tr.caption.get_ref().clone();
        self.words(file, "caption", &tr.caption);
        self.words(file, "caption_en", &tr.caption_en);
        let source = self.plan_citation(pc, &tr.source);
        let nos: Vec<&Spanned<i64>> = tr.row.iter().map(|r| &r.get_ref().no).collect();
        self.numbering(file, &caption, &tr.rows, &nos);
        let mut rows = Vec::new();
        for r in &tr.row {
            if let Some(row) = self.committee(pc, &caption, r) {
                rows.push(row);
            }
        }
        rows.sort_by_key(|r| r.no);
        Some(CommitteeTable {
            caption,
            caption_en: tr.caption_en.get_ref().clone(),
            source: source?,
            rows,
        })
    }

    pub(super) fn committee(
        &mut self,
        pc: &mut PlanCx,
        caption: &str,
        r: &Spanned<CommitteeRaw>,
    ) -> Option<Committee> {
        let file = pc.file;
        let rr = r.get_ref();
        let cited = self.row_source(pc, caption, &rr.no, &rr.source);
        let quote = cited.as_ref().map(|(_, q)| q);
        let texts: [(&str, Option<&Spanned<String>>); 10] = [
            ("name", Some(&rr.name)),
            ("evaluates", rr.evaluates.as_ref()),
            ("recommends", rr.recommends.as_ref()),
            ("start", rr.start.as_ref()),
            ("finish", rr.finish.as_ref()),
            ("deadline", rr.deadline.as_ref()),
            ("evaluation", rr.evaluation.as_ref()),
            ("applicants", rr.applicants.as_ref()),
            ("remarks", rr.remarks.as_ref()),
            ("scope", rr.scope.as_ref()),
        ];
        for (field, v) in texts {
            if let (Some(q), Some(v)) = (quote, v) {
                self.copied(file, q, field, v);
            }
        }
        let kind = match &rr.kind {
            None => Some("evaluation".to_string()),
            Some(k) => self
                .known(
                    file,
                    k.span(),
                    "row kind",
                    k.get_ref(),
                    vocab::COMMITTEE_KINDS,
                )
                .then(|| k.get_ref().clone()),
        };
        let mut contacts = Vec::new();
        for c in &rr.contacts {
            let cr = c.get_ref();
            if let Some(q) = quote {
                self.copied(file, q, "office", &cr.office);
            }
            let phones = self.phones(pc, &cr.phones, quote, c.span());
            contacts.push(OfficeContact {
                office: cr.office.get_ref().clone(),
                phones,
            });
        }
        let what = format!("`{caption}` row {}", rr.no.get_ref());
        let evaluated = self.title_list(file, &what, &rr.titles_evaluated);
        let recommended = self.title_list(file, &what, &rr.titles_recommended);
        let row_text: String = texts
            .iter()
            .filter_map(|(_, v)| v.map(|v| squash(v.get_ref())))
            .collect();
        for (t, span) in rr
            .titles_evaluated
            .iter()
            .chain(&rr.titles_recommended)
            .map(|t| (t.get_ref(), t.span()))
        {
            if evaluated.contains(t) && recommended.contains(t) {
                self.push(
                    file,
                    span.clone(),
                    format!("{what} both evaluates and recommends `{t}`"),
                    Some("a row evaluates a title itself, or recommends it to a higher committee: keep one".into()),
                );
            }
            if let Some((_, words)) = vocab::TITLE_WORDS.iter().find(|(id, _)| id == t) {
                if !words.iter().any(|w| row_text.contains(w)) {
                    self.push(
                        file,
                        span,
                        format!(
                            "{what} names `{t}`, but its text says none of {}",
                            words.join("、")
                        ),
                        Some(
                            "check titles_evaluated and titles_recommended against the row".into(),
                        ),
                    );
                }
            }
        }
        let specialties = self.specialty_words(file, quote, &rr.specialties);
        let restriction = rr
            .restriction
            .as_ref()
            .and_then(|r| self.restriction(file, &what, quote, kind.as_deref(), r));
        let titles: Vec<&String> = evaluated.iter().chain(&recommended).collect();
        let excludes = rr
            .excludes
            .iter()
            .filter_map(|x| self.exclusion(file, &what, quote, &titles, x))
            .collect();
        let no = (*rr.no.get_ref()).clamp(0, u32::MAX as i64) as u32;
        let (source, _) = cited?;
        Some(Committee {
            no,
            kind: kind?,
            name: rr.name.get_ref().clone(),
            evaluates: rr.evaluates.as_ref().map(|s| s.get_ref().clone()),
            recommends: rr.recommends.as_ref().map(|s| s.get_ref().clone()),
            start: rr.start.as_ref().map(|s| s.get_ref().clone()),
            finish: rr.finish.as_ref().map(|s| s.get_ref().clone()),
            deadline: rr.deadline.as_ref().map(|s| s.get_ref().clone()),
            evaluation: rr.evaluation.as_ref().map(|s| s.get_ref().clone()),
            applicants: rr.applicants.as_ref().map(|s| s.get_ref().clone()),
            remarks: rr.remarks.as_ref().map(|s| s.get_ref().clone()),
            scope: rr.scope.as_ref().map(|s| s.get_ref().clone()),
            contacts,
            titles_evaluated: evaluated,
            titles_recommended: recommended,
            specialties,
            restriction,
            excludes,
            source,
        })
    }

    /// Whom a row is only for: its words as written, and the words an employer's name
    /// contains when it fits, all found in the row's own quote.
    fn restriction(
        &mut self,
        file: &RuleFile,
        what: &str,
        quote: Option<&RowQuote>,
        row_kind: Option<&str>,
        r: &Spanned<RestrictionRaw>,
    ) -> Option<Restriction> {
        let rr = r.get_ref();
        let kind = rr.kind.get_ref();
        if !self.known(
            file,
            rr.kind.span(),
            "restriction kind",
            kind,
            vocab::RESTRICTION_KINDS,
        ) {
            return None;
        }
        if let Some(q) = quote {
            self.copied(file, q, "restriction text", &rr.text);
            for w in rr.employer.iter().chain(&rr.region) {
                self.copied(file, q, "restriction word", w);
            }
        }
        let needs_employer = kind != "graduates";
        if needs_employer == rr.employer.is_empty() {
            let fix = if needs_employer {
                "name the words of the row an employer's name contains, e.g. employer = [\"辛子精工\"]"
            } else {
                "a graduates' row fits by the person's own say, not an employer: remove `employer` and `region`"
            };
            self.push(
                file,
                r.span(),
                format!(
                    "{what}: a `{kind}` restriction {} employer words",
                    if needs_employer { "needs" } else { "takes no" }
                ),
                Some(fix.into()),
            );
        }
        if (kind == "graduates") != (row_kind == Some("initial_determination")) {
            self.push(
                file,
                r.span(),
                format!("{what}: only an initial_determination row is for new graduates"),
                Some(
                    "use kind = \"graduates\" on the 初定 rows, `company` or `trade` elsewhere"
                        .into(),
                ),
            );
        }
        Some(Restriction {
            kind: kind.clone(),
            text: rr.text.get_ref().clone(),
            employer: rr.employer.iter().map(|w| w.get_ref().clone()).collect(),
            region: rr.region.iter().map(|w| w.get_ref().clone()).collect(),
        })
    }

    /// Specialties a row's words leave out: the words as written, the specialty words
    /// excluded (in them), and the titles (named by them, and the row's own).
    fn exclusion(
        &mut self,
        file: &RuleFile,
        what: &str,
        quote: Option<&RowQuote>,
        row_titles: &[&String],
        x: &Spanned<ExclusionRaw>,
    ) -> Option<Exclusion> {
        let xr = x.get_ref();
        if let Some(q) = quote {
            self.copied(file, q, "exclusion text", &xr.text);
        }
        let text = squash(xr.text.get_ref());
        if xr.words.is_empty() {
            self.push(
                file,
                x.span(),
                format!("{what}: an exclusion names no specialty word"),
                Some("list the words excluded, e.g. words = [\"防灾减灾\"]".into()),
            );
        }
        for w in &xr.words {
            if !text.contains(&squash(w.get_ref())) {
                self.push(
                    file,
                    w.span(),
                    format!(
                        "{what}: excluded word `{}` is not in the exclusion's text",
                        w.get_ref()
                    ),
                    Some("use the words of `text`".into()),
                );
            }
        }
        let titles = self.title_list(file, what, &xr.titles);
        for (t, span) in titles.iter().zip(xr.titles.iter().map(Spanned::span)) {
            if !row_titles.contains(&t) {
                self.push(
                    file,
                    span.clone(),
                    format!("{what}: the exclusion names `{t}`, which the row does not evaluate or recommend"),
                    Some("list titles of the row only".into()),
                );
            }
            let named = vocab::TITLE_WORDS
                .iter()
                .find(|(id, _)| id == t)
                .is_some_and(|(_, words)| words.iter().any(|w| text.contains(w)));
            if !named {
                self.push(
                    file,
                    span,
                    format!("{what}: the exclusion's text does not name `{t}`"),
                    Some("list only the titles its words name (初级, 中级…)".into()),
                );
            }
        }
        Some(Exclusion {
            text: xr.text.get_ref().clone(),
            words: xr.words.iter().map(|w| w.get_ref().clone()).collect(),
            titles,
        })
    }
}
