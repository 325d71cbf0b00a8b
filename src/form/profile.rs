//! A profile shown in the form (from a file, a share link, an embedding's presets):
//! every value written as the form holds it; CE records without a note or the
//! authority mark go into the grid (one per cell), the rest stay in the records list
//! as entered, so the form gives back the same profile.

use zhicheng_engine::Profile;

use super::edit::Edit;
use super::typed::{cell_index, AssessmentRow, Form, FraudRow, SanctionRow, TitleRow};

impl Form {
    /// The form showing a profile. CE records without a note or the authority mark go
    /// into the grid (one per cell); the rest stay in the list, as entered.
    pub fn from_profile(p: &Profile) -> Form {
        let mut f = Form {
            rule_set: p.rule_set.clone(),
            evaluation_year: p.evaluation_year.map(|y| y.to_string()).unwrap_or_default(),
            title: p.target.title.as_str().into(),
            specialty: p.target.specialty.clone().unwrap_or_default(),
            reference_date: p.reference_date.map(|d| d.to_string()).unwrap_or_default(),
            exceptional: p.exceptional,
            birth_date: p.person.birth_date.to_string(),
            retirement_group: p.person.retirement_group.as_str().into(),
            employment: p.person.employment.as_str().into(),
            retired: p.person.retired,
            in_technical_post: p.person.in_technical_post,
            profession_matches: p.person.profession_matches,
            post_wage_paid: p.person.post_wage_paid,
            moved_from_government_organ: p.person.moved_from_government_organ,
            education: p.education.as_str().into(),
            work_start: p.work_start.map(|d| d.to_string()).unwrap_or_default(),
            ..Form::default()
        };
        for t in &p.titles {
            let key = f.key();
            f.titles.push(TitleRow {
                key,
                title: t.title.as_str().into(),
                obtained: t.obtained.to_string(),
            });
        }
        for (year, grade) in &p.assessments {
            let key = f.key();
            f.assessments.push(AssessmentRow {
                key,
                year: year.to_string(),
                grade: grade.as_str().into(),
            });
        }
        for s in &p.sanctions {
            let key = f.key();
            f.sanctions.push(SanctionRow {
                key,
                kind: s.kind.as_str().into(),
                effective: s.effective.to_string(),
                as_public_official: s.as_public_official,
            });
        }
        for x in &p.fraud_findings {
            let key = f.key();
            f.fraud_findings.push(FraudRow {
                key,
                year: x.evaluation_year.to_string(),
            });
        }
        // One exam entry is enough: it counts when any entry has no year or the
        // earliest year is not after the evaluation year.
        if !p.exams.is_empty() {
            f.exam_passed = true;
            f.exam_year = if p.exams.iter().any(|e| e.year.is_none()) {
                String::new()
            } else {
                p.exams
                    .iter()
                    .filter_map(|e| e.year)
                    .min()
                    .map(|y| y.to_string())
                    .unwrap_or_default()
            };
        }
        let mut listed = Vec::new();
        for r in &p.ce_records {
            let cell = cell_index(r.category.index(), r.online);
            let cells = f.ce_grid.get_or_default(r.year);
            if r.note.is_none() && !r.authority_recognized && cells[cell].is_empty() {
                cells[cell] = r.hours.to_string();
            } else {
                listed.push(r.clone());
            }
        }
        f.apply(Edit::AppendRecords(listed));
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::examples::EXAMPLES;
    use zhicheng_engine::profile::CeRecord;

    fn sorted(mut records: Vec<CeRecord>) -> Vec<String> {
        records.sort_by_key(|r| (r.year, r.category, r.online, r.hours));
        records.iter().map(|r| format!("{r:?}")).collect()
    }

    #[test]
    fn every_example_survives_the_form() {
        for text in EXAMPLES {
            let profile = Profile::from_json(text).unwrap();
            let form = Form::from_profile(&profile);
            let checked = form.check();
            assert!(checked.problems.is_empty(), "{:?}", checked.problems);
            let mut back = checked.profile.unwrap();
            assert_eq!(
                sorted(back.ce_records.clone()),
                sorted(profile.ce_records.clone())
            );
            back.ce_records = profile.ce_records.clone();
            assert_eq!(back, profile);
        }
    }

    #[test]
    fn a_profile_with_everything_survives_the_form() {
        let text = r#"{"format":"zhicheng-profile/1","rule_set":"sx-2020","evaluation_year":2021,
          "target":{"series":"economics","title":"senior_economist","specialty":"财务"},
          "reference_date":"2021-06-01","exceptional":true,
          "person":{"birth_date":"1975-02-28","retirement_group":"female_55","employment":"public_institution",
            "retired":false,"in_technical_post":false,"profession_matches":false,"post_wage_paid":false,
            "moved_from_government_organ":true},
          "education":"master","work_start":"2000-07-01",
          "titles":[{"title":"economist","obtained":"2012-10-01"}],
          "assessments":{"2019":"unqualified","2020":"excellent"},
          "sanctions":[{"kind":"demerit","effective":"2020-03-01","as_public_official":true}],
          "fraud_findings":[{"evaluation_year":2018}],
          "exams":[{"exam":"senior_economist","year":2019}],
          "ce_records":[
            {"year":2020,"category":"professional","hours":30,"online":true,"authority_recognized":false},
            {"year":2020,"category":"professional","hours":12.5,"online":true,"authority_recognized":false},
            {"year":2020,"category":"general_public","hours":6,"online":false,"authority_recognized":true},
            {"year":2021,"category":"industry_public","hours":4,"online":false,"authority_recognized":false,"note":"讲座"}
          ]}"#;
        let profile = Profile::from_json(text).unwrap();
        let form = Form::from_profile(&profile);
        assert_eq!(
            form.ce_grid
                .get(&2020)
                .map(|c| c[cell_index(0, true)].as_str()),
            Some("30")
        );
        assert_eq!(
            form.records.len(),
            3,
            "a second record of a cell, the authority mark and a note stay listed"
        );
        let back = form.check().profile.unwrap();
        assert_eq!(
            sorted(back.ce_records.clone()),
            sorted(profile.ce_records.clone())
        );
        assert_eq!(
            Profile {
                ce_records: profile.ce_records.clone(),
                ..back
            },
            profile
        );
    }
}
