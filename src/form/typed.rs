//! The form as typed: the raw text of every field (right or wrong), the rows of the
//! lists with stable keys, and the CE grid. Nothing here reads or checks a value: the
//! descriptor table (`form::table`) says how each field is reached, `form::edit`
//! changes it, `form::check` turns it into a profile.

use zhicheng_engine::sorted::SortedMap;

/// Cells of one year of the CE grid: three categories, each offline and online.
pub const CE_CELLS: usize = 6;

/// The cell of a category (index in `CeCategory::ALL`) and mode.
pub fn cell_index(cat: usize, online: bool) -> usize {
    cat * 2 + usize::from(online)
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TitleRow {
    pub key: u32,
    pub title: String,
    pub obtained: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AssessmentRow {
    pub key: u32,
    pub year: String,
    pub grade: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SanctionRow {
    pub key: u32,
    pub kind: String,
    pub effective: String,
    pub as_public_official: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FraudRow {
    pub key: u32,
    pub year: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RecordRow {
    pub key: u32,
    pub year: String,
    pub category: String,
    pub hours: String,
    pub online: bool,
    pub authority_recognized: bool,
    pub note: String,
}

/// Everything the user entered, as typed. (`Eq`, so that a form held in an `Rc` is
/// compared by address first: Yew compares it on every render.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub rule_set: String,
    /// Empty: the rule set's own year.
    pub evaluation_year: String,
    pub title: String,
    pub specialty: String,
    /// Empty: the rule set's default.
    pub reference_date: String,
    pub exceptional: bool,
    pub birth_date: String,
    pub retirement_group: String,
    pub employment: String,
    pub retired: bool,
    pub in_technical_post: bool,
    pub profession_matches: bool,
    pub post_wage_paid: bool,
    pub moved_from_government_organ: bool,
    pub education: String,
    pub work_start: String,
    pub titles: Vec<TitleRow>,
    pub assessments: Vec<AssessmentRow>,
    pub sanctions: Vec<SanctionRow>,
    pub fraud_findings: Vec<FraudRow>,
    pub exam_passed: bool,
    /// Empty: the year is not given.
    pub exam_year: String,
    /// Year → the six cells (see [`cell_index`]).
    pub ce_grid: SortedMap<i32, [String; CE_CELLS]>,
    pub ce_new_year: String,
    pub records: Vec<RecordRow>,
    /// The last key given to a row (rows keep their key while others come and go).
    pub(super) next_key: u32,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            rule_set: String::new(),
            evaluation_year: String::new(),
            title: String::new(),
            specialty: String::new(),
            reference_date: String::new(),
            exceptional: false,
            birth_date: String::new(),
            retirement_group: String::new(),
            employment: String::new(),
            retired: false,
            in_technical_post: true,
            profession_matches: true,
            post_wage_paid: true,
            moved_from_government_organ: false,
            education: String::new(),
            work_start: String::new(),
            titles: Vec::new(),
            assessments: Vec::new(),
            sanctions: Vec::new(),
            fraud_findings: Vec::new(),
            exam_passed: false,
            exam_year: String::new(),
            ce_grid: SortedMap::new(),
            ce_new_year: String::new(),
            records: Vec::new(),
            next_key: 0,
        }
    }
}

impl Form {
    /// A new row's key.
    pub(super) fn key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }
}
