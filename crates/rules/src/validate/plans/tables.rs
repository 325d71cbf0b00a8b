//! A plan's other tables: the materials list (with the materials other clauses ask
//! of some applicants), the CE contacts, and where CE hours are registered.

use super::{squash, PlanCx};
use crate::ir::*;
use crate::model::*;
use toml::Spanned;

impl super::super::Cx {
    pub(super) fn material_table(
        &mut self,
        pc: &mut PlanCx,
        t: &Spanned<MaterialTableRaw>,
    ) -> Option<MaterialTable> {
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
            let rr = r.get_ref();
            let Some((source, q)) = self.row_source(pc, &caption, &rr.no, &rr.source) else {
                continue;
            };
            self.copied(file, &q, "item", &rr.item);
            self.copied(file, &q, "how", &rr.how);
            if !squash(rr.item.get_ref()).contains(&squash(rr.how.get_ref())) {
                self.push(
                    file,
                    rr.how.span(),
                    format!("{}: `how` is not part of `item`", q.what),
                    Some("copy the item's note in brackets as `how`".into()),
                );
            }
            rows.push(Material {
                no: (*rr.no.get_ref()).clamp(0, u32::MAX as i64) as u32,
                item: rr.item.get_ref().clone(),
                how: rr.how.get_ref().clone(),
                filled_by_system: rr.filled_by_system,
                source,
            });
        }
        rows.sort_by_key(|r| r.no);
        let conditional = tr
            .conditional
            .iter()
            .filter_map(|c| self.conditional_material(pc, &rows, c))
            .collect();
        Some(MaterialTable {
            caption,
            caption_en: tr.caption_en.get_ref().clone(),
            source: source?,
            rows,
            conditional,
        })
    }

    pub(super) fn ce_contact_table(
        &mut self,
        pc: &mut PlanCx,
        t: &Spanned<CeContactTableRaw>,
    ) -> Option<CeContactTable> {
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
            let rr = r.get_ref();
            let cited = self.row_source(pc, &caption, &rr.no, &rr.source);
            let quote = cited.as_ref().map(|(_, q)| q);
            if let Some(q) = quote {
                self.copied(file, q, "field", &rr.field);
                self.copied(file, q, "department", &rr.department);
                self.copied(file, q, "person", &rr.person);
            }
            let phones = self.phones(pc, &rr.phones, quote, r.span());
            let what = format!("`{caption}` row {}", rr.no.get_ref());
            let titles = self.title_list(file, &what, &rr.titles);
            let specialties = self.specialty_words(file, quote, &rr.specialties);
            if let Some((source, _)) = cited {
                rows.push(CeContact {
                    no: (*rr.no.get_ref()).clamp(0, u32::MAX as i64) as u32,
                    field: rr.field.get_ref().clone(),
                    department: rr.department.get_ref().clone(),
                    person: rr.person.get_ref().clone(),
                    phones,
                    titles,
                    specialties,
                    source,
                });
            }
        }
        rows.sort_by_key(|r| r.no);
        Some(CeContactTable {
            caption,
            caption_en: tr.caption_en.get_ref().clone(),
            source: source?,
            rows,
        })
    }

    /// A material another clause asks of some applicants: copied from its clause, with
    /// whom it concerns, and the row of the list it completes.
    fn conditional_material(
        &mut self,
        pc: &PlanCx,
        rows: &[Material],
        c: &Spanned<ConditionalMaterialRaw>,
    ) -> Option<ConditionalMaterial> {
        let file = pc.file;
        let cr = c.get_ref();
        self.words(file, "applies", &cr.applies);
        self.words(file, "applies_en", &cr.applies_en);
        let source = self.plan_citation(pc, &cr.source)?;
        if let Some(q) = self.quote_of(file, &source, c.span(), "the conditional material") {
            self.copied(file, &q, "item", &cr.item);
        }
        let amends = cr.amends.as_ref().and_then(|a| {
            let no = *a.get_ref();
            let found = rows.iter().any(|r| i64::from(r.no) == no);
            if !found {
                self.push(
                    file,
                    a.span(),
                    format!("`amends = {no}`: the materials list has no row {no}"),
                    Some(
                        "name the row of the list this material completes, or leave `amends` out"
                            .into(),
                    ),
                );
            }
            found.then_some(no as u32)
        });
        Some(ConditionalMaterial {
            item: cr.item.get_ref().clone(),
            applies: cr.applies.get_ref().clone(),
            applies_en: cr.applies_en.get_ref().clone(),
            amends,
            source,
        })
    }

    /// Where CE hours are registered: the system's name, address and whom it serves,
    /// each as the cited clause writes it.
    pub(super) fn ce_registration(
        &mut self,
        pc: &PlanCx,
        r: &Spanned<CeRegistrationRaw>,
    ) -> Option<CeRegistration> {
        let file = pc.file;
        let rr = r.get_ref();
        let source = self.plan_citation(pc, &rr.source)?;
        let q = self.quote_of(file, &source, r.span(), "the CE registration")?;
        self.copied(file, &q, "system", &rr.system);
        for v in [rr.url.as_ref(), rr.who.as_ref()].into_iter().flatten() {
            self.copied(file, &q, "url or who", v);
        }
        if let Some(u) = &rr.url {
            if !u.get_ref().starts_with("http://") && !u.get_ref().starts_with("https://") {
                self.push(
                    file,
                    u.span(),
                    format!("`{}` is not a web address", u.get_ref()),
                    Some(
                        "copy the address as the notice gives it, from http:// or https://".into(),
                    ),
                );
            }
        }
        Some(CeRegistration {
            system: rr.system.get_ref().clone(),
            url: rr.url.as_ref().map(|u| u.get_ref().clone()),
            who: rr.who.as_ref().map(|w| w.get_ref().clone()),
            source,
        })
    }
}
