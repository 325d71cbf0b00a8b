//! The values of roster cells as an HR officer writes them: the closed vocabularies in
//! English (the JSON names) or Chinese (labels and common short forms), and the list
//! cells (`2021:不合格;2022:优秀`). Dates, years, hours and yes/no are read by
//! [`crate::lenient`], as every reader reads them.

use super::Problem;
use crate::lenient::{self, Reason, Refusal};
use std::borrow::Cow;
use zhicheng_engine::profile::{CeRecord, PassedExam, Sanction};
use zhicheng_engine::rules;
use zhicheng_engine::vocab::{
    Assessment, Education, Employment, Exam, RetirementGroup, SanctionKind, Series, Title,
};
use zhicheng_engine::{Date, InputErrorKind};

/// A value as compared: no spaces, lower case, full-width forms
/// [`narrow`](lenient::narrow)ed (`（` `）` `：` as ASCII).
pub(super) fn value_key(s: &str) -> Cow<'_, str> {
    let plain = s
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_ascii_uppercase() && lenient::narrow(c) == c);
    if plain {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(lenient::narrow)
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    )
}

/// A closed vocabulary as written in a roster: the JSON names, and Chinese forms.
pub(super) struct Vocab<T: 'static> {
    pub(super) parse: fn(&str) -> Option<T>,
    pub(super) all: &'static [T],
    pub(super) name: fn(T) -> &'static str,
    /// Other accepted forms, in `value_key` form; the first for each value is shown in
    /// error messages.
    pub(super) forms: &'static [(&'static str, T)],
}

impl<T: Copy + PartialEq> Vocab<T> {
    pub(super) fn find(&self, s: &str) -> Option<T> {
        if let Some(v) = (self.parse)(s) {
            return Some(v);
        }
        let key = value_key(s);
        let key = key.trim_end_matches(['。', '.']);
        (self.parse)(key).or_else(|| self.forms.iter().find(|(f, _)| *f == key).map(|(_, v)| *v))
    }

    fn allowed(&self) -> String {
        self.all
            .iter()
            .map(|v| match self.forms.iter().find(|(_, w)| w == v) {
                Some((f, _)) => format!("{} ({f})", (self.name)(*v)),
                None => (self.name)(*v).to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub(super) fn unknown(&self, s: &str) -> Problem {
        Problem::Input(InputErrorKind::UnknownValue {
            value: s.chars().take(60).collect(),
            allowed: self.allowed(),
        })
    }
}

pub(super) static SERIES: Vocab<Series> = Vocab {
    parse: Series::parse,
    all: Series::ALL,
    name: Series::as_str,
    forms: &[
        ("工程", Series::Engineering),
        ("工程系列", Series::Engineering),
        ("工程技术", Series::Engineering),
        ("经济", Series::Economics),
        ("经济系列", Series::Economics),
        ("经济专业", Series::Economics),
    ],
};

pub(super) static TITLES: Vocab<Title> = Vocab {
    parse: Title::parse,
    all: Title::ALL,
    name: Title::as_str,
    forms: &[
        ("技术员", Title::Technician),
        ("助理工程师", Title::AssistantEngineer),
        ("助工", Title::AssistantEngineer),
        ("工程师", Title::Engineer),
        ("中级工程师", Title::Engineer),
        ("高级工程师", Title::SeniorEngineer),
        ("高工", Title::SeniorEngineer),
        ("正高级工程师", Title::ProfessorateSeniorEngineer),
        ("正高", Title::ProfessorateSeniorEngineer),
        ("经济师", Title::Economist),
        ("中级经济师", Title::Economist),
        ("高级经济师", Title::SeniorEconomist),
    ],
};

pub(super) static EDUCATIONS: Vocab<Education> = Vocab {
    parse: Education::parse,
    all: Education::ALL,
    name: Education::as_str,
    forms: &[
        ("博士研究生", Education::Doctorate),
        ("博士", Education::Doctorate),
        ("硕士研究生", Education::Master),
        ("硕士", Education::Master),
        ("第二学士学位", Education::SecondBachelor),
        ("第二学士", Education::SecondBachelor),
        ("双学士", Education::SecondBachelor),
        ("大学本科", Education::Bachelor),
        ("本科", Education::Bachelor),
        ("学士", Education::Bachelor),
        ("大专", Education::Associate),
        ("专科", Education::Associate),
        ("大学专科", Education::Associate),
        ("中专(中职)", Education::SecondaryVocational),
        ("中专", Education::SecondaryVocational),
        ("中职", Education::SecondaryVocational),
        ("中专/中职", Education::SecondaryVocational),
        ("中等职业", Education::SecondaryVocational),
    ],
};

pub(super) static RETIREMENT_GROUPS: Vocab<RetirementGroup> = Vocab {
    parse: RetirementGroup::parse,
    all: RetirementGroup::ALL,
    name: RetirementGroup::as_str,
    forms: &[
        ("男", RetirementGroup::Male),
        ("男职工", RetirementGroup::Male),
        ("男性", RetirementGroup::Male),
        ("男职工(原退休年龄60岁)", RetirementGroup::Male),
        ("60", RetirementGroup::Male),
        ("女干部/女专业技术人员", RetirementGroup::Female55),
        ("女干部", RetirementGroup::Female55),
        ("女专业技术人员", RetirementGroup::Female55),
        ("女干部、专业技术人员", RetirementGroup::Female55),
        (
            "女干部、专业技术人员(原退休年龄55岁)",
            RetirementGroup::Female55,
        ),
        ("女(55岁)", RetirementGroup::Female55),
        ("女55", RetirementGroup::Female55),
        ("55", RetirementGroup::Female55),
        ("女工人", RetirementGroup::Female50),
        ("女工人(原退休年龄50岁)", RetirementGroup::Female50),
        ("女(50岁)", RetirementGroup::Female50),
        ("女50", RetirementGroup::Female50),
        ("50", RetirementGroup::Female50),
    ],
};

pub(super) static EMPLOYMENTS: Vocab<Employment> = Vocab {
    parse: Employment::parse,
    all: Employment::ALL,
    name: Employment::as_str,
    forms: &[
        ("企业", Employment::Enterprise),
        ("事业单位", Employment::PublicInstitution),
        ("事业", Employment::PublicInstitution),
        ("公务员", Employment::CivilServant),
        ("机关", Employment::CivilServant),
        ("参公", Employment::CivilServantManaged),
        ("参照公务员法管理(参公)", Employment::CivilServantManaged),
        ("参照公务员法管理", Employment::CivilServantManaged),
        ("参公单位", Employment::CivilServantManaged),
        ("其他", Employment::Other),
        ("其他(社会组织、自由职业等)", Employment::Other),
        ("社会组织", Employment::Other),
        ("自由职业", Employment::Other),
    ],
};

pub(super) static ASSESSMENTS: Vocab<Assessment> = Vocab {
    parse: Assessment::parse,
    all: Assessment::ALL,
    name: Assessment::as_str,
    forms: &[
        ("优秀", Assessment::Excellent),
        ("合格", Assessment::Competent),
        ("称职", Assessment::Competent),
        ("合格(称职)", Assessment::Competent),
        ("基本合格", Assessment::Basic),
        ("基本称职", Assessment::Basic),
        ("基本合格(基本称职)", Assessment::Basic),
        ("不合格", Assessment::Unqualified),
        ("不称职", Assessment::Unqualified),
        ("不合格(不称职)", Assessment::Unqualified),
    ],
};

pub(super) static SANCTION_KINDS: Vocab<SanctionKind> = Vocab {
    parse: SanctionKind::parse,
    all: SanctionKind::ALL,
    name: SanctionKind::as_str,
    forms: &[
        ("警告", SanctionKind::Warning),
        ("记过", SanctionKind::Demerit),
        ("记大过", SanctionKind::MajorDemerit),
        ("降级", SanctionKind::Demotion),
        ("降低岗位等级", SanctionKind::PostGradeLowered),
        ("撤职", SanctionKind::Removal),
        ("开除", SanctionKind::Expulsion),
    ],
};

pub(super) static EXAMS: Vocab<Exam> = Vocab {
    parse: Exam::parse,
    all: Exam::ALL,
    name: Exam::as_str,
    forms: &[
        ("高级经济师", Exam::SeniorEconomist),
        ("高级经济专业技术资格考试", Exam::SeniorEconomist),
        ("高级经济师考试", Exam::SeniorEconomist),
        ("高级经济", Exam::SeniorEconomist),
        ("高级经济实务", Exam::SeniorEconomist),
    ],
};

/// The rule set named by its id, its name or its notice's 文号 (brackets of any kind).
pub(super) fn rule_set_id(s: &str) -> Option<&'static str> {
    if let Some(rs) = rules::rule_set(s) {
        return Some(rs.id);
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(
                        c,
                        '〔' | '〕'
                            | '['
                            | ']'
                            | '【'
                            | '】'
                            | '('
                            | ')'
                            | '（'
                            | '）'
                            | '﹝'
                            | '﹞'
                    )
            })
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let s = key(s);
    rules::rule_sets()
        .iter()
        .find(|r| key(r.id) == s || key(r.notice) == s || key(r.name) == s)
        .map(|r| r.id)
}

/// The specialty id for a Chinese label (`材料` → `materials`, from the rule data's
/// labels); other text is kept.
pub(super) fn specialty_id(s: &str) -> Option<&'static str> {
    rules::specialty_labels()
        .iter()
        .find(|l| l.zh == s)
        .map(|l| l.id)
}

/// A year in a list item (`2021` of `2021:不合格`): [`lenient::year`], where empty is
/// no year either.
pub(super) fn year(s: &str) -> Result<i32, Problem> {
    lenient::year(s)
        .map_err(Problem::Value)?
        .ok_or_else(|| Problem::Value(Refusal::new(Reason::NotAYear, s)))
}

/// A date in a list item (`2023-05-01` of `记过:2023-05-01`):
/// [`lenient::spreadsheet_date`], where empty is no date either.
fn date(s: &str) -> Result<Date, Problem> {
    lenient::spreadsheet_date(s)
        .map_err(Problem::Value)?
        .ok_or_else(|| Problem::Value(Refusal::new(Reason::InvalidDate, s)))
}

/// Splits `A:B` (`:` or `：` or `=`) into its parts.
pub(super) fn pair(s: &str) -> Option<(&str, &str)> {
    let i = s.find([':', '：', '='])?;
    let sep = s[i..].chars().next()?.len_utf8();
    Some((s[..i].trim(), s[i + sep..].trim()))
}

/// `2021:unqualified`, `2021：不合格`.
pub(super) fn assessment_item(s: &str) -> Result<(i32, Assessment), Problem> {
    let form = || Problem::ItemForm {
        item: s.to_string(),
        form: "YEAR:GRADE, e.g. 2021:competent",
        form_zh: "“年度:等次”，如 2021:合格",
    };
    let (y, a) = pair(s).ok_or_else(form)?;
    let y = year(y)?;
    let a = ASSESSMENTS.find(a).ok_or_else(|| ASSESSMENTS.unknown(a))?;
    Ok((y, a))
}

/// `demerit:2023-05-01`, `记过:2023-05-01:政务`.
pub(super) fn sanction_item(s: &str) -> Result<Sanction, Problem> {
    let form = || Problem::ItemForm {
        item: s.to_string(),
        form: "KIND:DATE or KIND:DATE:public_official, e.g. demerit:2023-05-01",
        form_zh: "“处分种类:生效日期”或“处分种类:生效日期:政务”，如 记过:2023-05-01",
    };
    let (kind, rest) = pair(s).ok_or_else(form)?;
    let (date_text, official) = match pair(rest) {
        None => (rest, false),
        Some((d, o)) => match value_key(o).as_ref() {
            "public_official" | "official" | "政务" | "政务处分" | "公职人员" => {
                (d, true)
            }
            "personnel" | "人事" | "人事处分" | "" => (d, false),
            _ => return Err(form()),
        },
    };
    let kind_key = value_key(kind);
    let kind_key = kind_key.trim_end_matches("处分");
    let kind = SANCTION_KINDS
        .find(kind_key)
        .ok_or_else(|| SANCTION_KINDS.unknown(kind))?;
    Ok(Sanction {
        kind,
        effective: date(date_text)?,
        as_public_official: official,
    })
}

/// `senior_economist:2023`, `高级经济师`, `高级经济师:2023年`.
pub(super) fn exam_item(s: &str) -> Result<PassedExam, Problem> {
    let (exam, y) = match pair(s) {
        Some((e, y)) => (e, Some(year(y)?)),
        None => (s, None),
    };
    let exam = EXAMS.find(exam).ok_or_else(|| EXAMS.unknown(exam))?;
    Ok(PassedExam { exam, year: y })
}

/// One CE record of the list column: `2024:专业科目:24`, `2019:professional:50:online`,
/// `2020:专业科目:10:网络:认可`.
pub(super) fn ce_record_item(s: &str) -> Result<CeRecord, Problem> {
    let form = || {
        Problem::ItemForm {
        item: s.to_string(),
        form: "YEAR:CATEGORY:HOURS, then :online and :recognized where they apply, e.g. 2024:professional:24",
        form_zh: "“年度:类别:学时”，网络课件再加“:网络”，主管部门认可再加“:认可”，如 2024:专业科目:24",
    }
    };
    let parts: Vec<&str> = s.split([':', '：', '=']).map(str::trim).collect();
    let [y, category, hours, flags @ ..] = &parts[..] else {
        return Err(form());
    };
    let year = year(y)?;
    let category = crate::ce_csv::category(category).ok_or_else(|| {
        Problem::Input(InputErrorKind::UnknownValue {
            value: category.chars().take(60).collect(),
            allowed: "professional (专业科目), industry_public (行业公需科目), general_public (一般公需科目)".into(),
        })
    })?;
    let hours = lenient::hours(hours)
        .map_err(Problem::Value)?
        .ok_or_else(form)?;
    let (mut online, mut authority_recognized) = (false, false);
    for f in flags {
        match value_key(f).as_ref() {
            "online" | "网络" | "网络课件" | "线上" => online = true,
            "recognized" | "authority_recognized" | "认可" | "主管部门认可" => {
                authority_recognized = true
            }
            _ => return Err(form()),
        }
    }
    Ok(CeRecord {
        year,
        category,
        hours,
        online,
        authority_recognized,
        note: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chinese_label_of_the_vocabularies_is_accepted() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            v: &Vocab<T>,
            label: fn(T) -> &'static str,
        ) {
            for &x in v.all {
                assert_eq!(v.find(label(x)), Some(x), "{x:?}");
                assert_eq!(v.find((v.name)(x)), Some(x), "{x:?}");
            }
        }
        check(&SERIES, Series::label_zh);
        check(&TITLES, Title::label_zh);
        check(&EDUCATIONS, Education::label_zh);
        check(&RETIREMENT_GROUPS, RetirementGroup::label_zh);
        check(&EMPLOYMENTS, Employment::label_zh);
        check(&ASSESSMENTS, Assessment::label_zh);
        check(&SANCTION_KINDS, SanctionKind::label_zh);
        check(&EXAMS, Exam::label_zh);
    }

    #[test]
    fn forms_are_written_as_they_are_compared() {
        fn check<T>(v: &Vocab<T>) {
            for (f, _) in v.forms {
                assert_eq!(value_key(f), *f, "{f}");
            }
        }
        check(&SERIES);
        check(&TITLES);
        check(&EDUCATIONS);
        check(&RETIREMENT_GROUPS);
        check(&EMPLOYMENTS);
        check(&ASSESSMENTS);
        check(&SANCTION_KINDS);
        check(&EXAMS);
    }

    #[test]
    fn rule_sets_by_notice_or_name() {
        assert_eq!(rule_set_id("莲人社[2024]42号"), Some("zj-liandu-2024"));
        assert_eq!(rule_set_id("晋人社厅函（2020）628号"), Some("sx-2020"));
        assert_eq!(
            rule_set_id("湖州市2021年度职称评审"),
            Some("zj-huzhou-2021")
        );
        assert_eq!(rule_set_id("sx"), None);
    }
}
