//! rules/documents.toml: each document once; each clause quoted from its notice (found
//! in rules/sources/), quoted as another notice quotes it, or summarised in both
//! languages; practice summaries labelled as such.

use super::{quote_found, Cx};
use crate::ir::*;
use crate::model::*;
use crate::{RuleFile, RuleFiles};
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

/// A clause quoted as another document quotes it, checked once every document is read.
struct QuotedIn<'a> {
    doc: String,
    clause: String,
    text: &'a Spanned<String>,
    via: &'a CitationRaw,
}

impl Cx {
    pub(super) fn documents(&mut self, files: &RuleFiles) -> Vec<Document> {
        let file = &files.documents;
        let Some(raw) = self.parse::<DocumentsFile>(file) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        let mut pending: Vec<QuotedIn> = Vec::new();
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
            let text = self.source_text(files, d);
            if let Some(t) = &text {
                texts.insert(id.clone(), t.clone());
            }
            if d.practice && d.file.is_some() {
                self.push(
                    file,
                    d.doc.span(),
                    format!("`{id}` is a practice summary but has a text file"),
                    Some("a document with its text is not practice: remove `practice`".into()),
                );
            }
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
                if let Some(body) = self.clause_text(file, d, &id, c, text.as_deref()) {
                    if let (Some(t), Some(via)) = (&c.text, &c.quoted_in) {
                        pending.push(QuotedIn {
                            doc: id.clone(),
                            clause: name.clone(),
                            text: t,
                            via,
                        });
                    }
                    clauses.push(Clause {
                        clause: name,
                        text: body,
                    });
                }
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
                practice: d.practice,
                clauses,
            });
        }
        for q in pending {
            self.quoted_in(file, &q, &texts);
        }
        out
    }

    /// The bundled text of a document with `file`.
    fn source_text(&mut self, files: &RuleFiles, d: &DocumentRaw) -> Option<String> {
        let f = d.file.as_ref()?;
        match files.source_texts.get(f.get_ref()) {
            Some(t) => Some(t.clone()),
            None => {
                self.push(
                    &files.documents,
                    f.span(),
                    format!("`{}` is not in rules/sources/", f.get_ref()),
                    Some("copy the notice's text there, or remove `file`".into()),
                );
                None
            }
        }
    }

    /// One clause's text: a quote (checked against the document's own text), a quote
    /// through another notice (checked later), or a summary in both languages.
    fn clause_text(
        &mut self,
        file: &RuleFile,
        d: &DocumentRaw,
        id: &str,
        c: &ClauseRaw,
        text: Option<&str>,
    ) -> Option<ClauseText> {
        let name = c.clause.get_ref();
        match (&c.text, &c.summary, &c.summary_en, &c.quoted_in) {
            (Some(t), None, None, None) => {
                match (&d.file, text) {
                    (None, _) => self.push(
                        file,
                        t.span(),
                        format!("`{id}` {name}: a quote needs the document's text in rules/sources/"),
                        Some("write `summary` and `summary_en` instead, add `file`, or give `quoted_in` the notice that quotes it".into()),
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
                    .insert((id.to_string(), name.clone()), t.get_ref().clone());
                Some(ClauseText::Quote(t.get_ref().clone()))
            }
            (Some(t), None, None, Some(via)) => Some(ClauseText::QuotedIn {
                text: t.get_ref().clone(),
                via: Citation {
                    doc: via.doc.get_ref().clone(),
                    clause: via.clause.get_ref().clone(),
                },
            }),
            (None, Some(zh), Some(en), None) => Some(ClauseText::Summary {
                zh: zh.clone(),
                en: en.clone(),
            }),
            _ => {
                self.push(
                    file,
                    c.clause.span(),
                    format!("`{id}` clause `{name}` needs either `text` (a quote, with `quoted_in` when another notice quotes it) or `summary` and `summary_en`"),
                    Some("quote the clause from the notice as `text`, or summarise it in both languages".into()),
                );
                None
            }
        }
    }

    /// A quote through another notice: that clause exists, is itself a quote of its
    /// own document, and contains the text word for word.
    fn quoted_in(&mut self, file: &RuleFile, q: &QuotedIn, texts: &BTreeMap<String, String>) {
        let Some(via) = self.citation(file, q.via) else {
            return;
        };
        if via.doc == q.doc {
            self.push(
                file,
                q.via.doc.span(),
                format!("`{}` {} is quoted in itself", q.doc, q.clause),
                Some("`quoted_in` names another notice, one whose text is bundled".into()),
            );
            return;
        }
        let found = self
            .quotes
            .get(&(via.doc.clone(), via.clause.clone()))
            .is_some_and(|quote| quote_found(q.text.get_ref(), quote))
            && texts
                .get(&via.doc)
                .is_some_and(|t| quote_found(q.text.get_ref(), t));
        if !found {
            self.push(
                file,
                q.text.span(),
                format!(
                    "`{}` {}: the text is not in the quote of {} {}",
                    q.doc, q.clause, via.doc, via.clause
                ),
                Some(
                    "copy the words as that notice quotes them, and quote its clause in full"
                        .into(),
                ),
            );
        }
    }
}
