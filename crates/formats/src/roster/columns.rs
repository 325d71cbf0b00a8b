//! The roster's column model: the profile fields ([`Field`]) and the CE hours columns
//! ([`CeColumn`]) a header may name, in English or Chinese, and what each header name is
//! ([`classify`]).

use super::FileError;
use crate::lenient;
use std::borrow::Cow;
use std::sync::OnceLock;
use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
use zhicheng_engine::vocab::{CeCategory, Title};

/// A column of the roster that carries one profile field (the CE columns are
/// [`CeColumn`]s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    PersonId,
    Name,
    RuleSet,
    EvaluationYear,
    Series,
    Title,
    Specialty,
    ReferenceDate,
    Exceptional,
    BirthDate,
    RetirementGroup,
    Employment,
    Retired,
    InTechnicalPost,
    ProfessionMatches,
    PostWagePaid,
    MovedFromGovernmentOrgan,
    Education,
    WorkStart,
    TechnicianObtained,
    AssistantEngineerObtained,
    EngineerObtained,
    SeniorEngineerObtained,
    ProfessorateSeniorEngineerObtained,
    EconomistObtained,
    SeniorEconomistObtained,
    Assessments,
    Sanctions,
    FraudFindings,
    Exams,
    /// CE records as one list cell (`2024:专业科目:24;2019:专业科目:50:网络`): the
    /// column of the HR export (`row_for`), one header for everyone.
    CeRecords,
}

pub(super) const FIELD_COUNT: usize = 31;

impl Field {
    /// Every field, in the order of the template and of docs/batch.md.
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::PersonId,
        Field::Name,
        Field::RuleSet,
        Field::EvaluationYear,
        Field::Series,
        Field::Title,
        Field::Specialty,
        Field::ReferenceDate,
        Field::Exceptional,
        Field::BirthDate,
        Field::RetirementGroup,
        Field::Employment,
        Field::Retired,
        Field::InTechnicalPost,
        Field::ProfessionMatches,
        Field::PostWagePaid,
        Field::MovedFromGovernmentOrgan,
        Field::Education,
        Field::WorkStart,
        Field::TechnicianObtained,
        Field::AssistantEngineerObtained,
        Field::EngineerObtained,
        Field::SeniorEngineerObtained,
        Field::ProfessorateSeniorEngineerObtained,
        Field::EconomistObtained,
        Field::SeniorEconomistObtained,
        Field::Assessments,
        Field::Sanctions,
        Field::FraudFindings,
        Field::Exams,
        Field::CeRecords,
    ];

    /// Header names accepted: the English name first, then the Chinese one, then other
    /// forms. Compared without case, spaces, `_`/`-` differences and a trailing hint in
    /// brackets (`出生日期（YYYY-MM-DD）`).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::PersonId => &["person_id", "人员编号", "编号", "工号", "id", "人员id"],
            Field::Name => &["name", "姓名", "名字"],
            Field::RuleSet => &["rule_set", "适用规则", "规则", "评审文件", "规则集"],
            Field::EvaluationYear => &["evaluation_year", "评审年度", "申报年度"],
            Field::Series => &["series", "系列", "职称系列"],
            Field::Title => &[
                "title",
                "申报职称",
                "target_title",
                "申报资格",
                "拟申报职称",
            ],
            Field::Specialty => &["specialty", "申报专业", "专业"],
            Field::ReferenceDate => &["reference_date", "基准日期", "计算截止日期"],
            Field::Exceptional => &["exceptional", "破格申报", "破格"],
            Field::BirthDate => &["birth_date", "出生日期", "出生年月日"],
            Field::RetirementGroup => &["retirement_group", "退休年龄类别", "退休类别"],
            Field::Employment => &["employment", "单位性质", "单位类型"],
            Field::Retired => &["retired", "已退休", "是否退休"],
            Field::InTechnicalPost => &[
                "in_technical_post",
                "在专业技术岗位",
                "专业技术岗位",
                "专技岗位",
            ],
            Field::ProfessionMatches => &["profession_matches", "专业对口"],
            Field::PostWagePaid => &[
                "post_wage_paid",
                "在岗领取岗位工资",
                "聘用在岗并领取岗位工资",
                "岗位工资",
            ],
            Field::MovedFromGovernmentOrgan => {
                &["moved_from_government_organ", "从机关调入", "机关调入"]
            }
            Field::Education => &["education", "学历", "最高学历"],
            Field::WorkStart => &[
                "work_start",
                "参加专业技术工作时间",
                "参加工作时间",
                "参加专业技术工作日期",
                "参加工作日期",
            ],
            Field::TechnicianObtained => &[
                "technician_obtained",
                "技术员取得时间",
                "技术员取得日期",
                "技术员",
            ],
            Field::AssistantEngineerObtained => &[
                "assistant_engineer_obtained",
                "助理工程师取得时间",
                "助理工程师取得日期",
                "助理工程师",
            ],
            Field::EngineerObtained => &[
                "engineer_obtained",
                "工程师取得时间",
                "工程师取得日期",
                "工程师",
            ],
            Field::SeniorEngineerObtained => &[
                "senior_engineer_obtained",
                "高级工程师取得时间",
                "高级工程师取得日期",
                "高级工程师",
            ],
            Field::ProfessorateSeniorEngineerObtained => &[
                "professorate_senior_engineer_obtained",
                "正高级工程师取得时间",
                "正高级工程师取得日期",
                "正高级工程师",
            ],
            Field::EconomistObtained => &[
                "economist_obtained",
                "经济师取得时间",
                "经济师取得日期",
                "经济师",
            ],
            Field::SeniorEconomistObtained => &[
                "senior_economist_obtained",
                "高级经济师取得时间",
                "高级经济师取得日期",
                "高级经济师",
            ],
            Field::Assessments => &["assessments", "年度考核", "考核"],
            Field::Sanctions => &["sanctions", "处分"],
            Field::FraudFindings => &["fraud_findings", "弄虚作假年度", "弄虚作假"],
            Field::Exams => &["exams", "考试", "考试通过"],
            Field::CeRecords => &["ce_records", "继续教育学时记录", "学时记录", "继续教育记录"],
        }
    }

    /// The English header name (the JSON name of SPEC §2, flattened).
    pub fn name_en(self) -> &'static str {
        self.names()[0]
    }

    /// The Chinese header name used by the template.
    pub fn name_zh(self) -> &'static str {
        self.names()[1]
    }

    /// A roster without this column is refused: every row would lack it.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::PersonId
                | Field::RuleSet
                | Field::Title
                | Field::BirthDate
                | Field::RetirementGroup
                | Field::Employment
                | Field::Education
        )
    }

    /// The title whose date this column holds.
    pub fn obtained_title(self) -> Option<Title> {
        Some(match self {
            Field::TechnicianObtained => Title::Technician,
            Field::AssistantEngineerObtained => Title::AssistantEngineer,
            Field::EngineerObtained => Title::Engineer,
            Field::SeniorEngineerObtained => Title::SeniorEngineer,
            Field::ProfessorateSeniorEngineerObtained => Title::ProfessorateSeniorEngineer,
            Field::EconomistObtained => Title::Economist,
            Field::SeniorEconomistObtained => Title::SeniorEconomist,
            _ => return None,
        })
    }

    /// The column holding the date `title` was obtained.
    pub fn obtained(title: Title) -> Field {
        match title {
            Title::Technician => Field::TechnicianObtained,
            Title::AssistantEngineer => Field::AssistantEngineerObtained,
            Title::Engineer => Field::EngineerObtained,
            Title::SeniorEngineer => Field::SeniorEngineerObtained,
            Title::ProfessorateSeniorEngineer => Field::ProfessorateSeniorEngineerObtained,
            Title::Economist => Field::EconomistObtained,
            Title::SeniorEconomist => Field::SeniorEconomistObtained,
        }
    }

    /// The field a header names, given as [`header_key`] writes it. The names are
    /// written in that form (tested) and looked up in a table sorted by their first
    /// eight bytes as a number, then by the whole name: a header of millions of
    /// columns costs a few number comparisons per column.
    pub(super) fn find(key: &str) -> Option<Field> {
        /// The first eight bytes (zeros after a shorter text), as a number.
        fn prefix(s: &str) -> u64 {
            let mut bytes = [0u8; 8];
            for (b, s) in bytes.iter_mut().zip(s.bytes()) {
                *b = s;
            }
            u64::from_be_bytes(bytes)
        }
        static BY_NAME: OnceLock<Vec<(u64, &'static str, Field)>> = OnceLock::new();
        let by_name = BY_NAME.get_or_init(|| {
            let mut v: Vec<(u64, &'static str, Field)> = Field::ALL
                .iter()
                .flat_map(|&f| f.names().iter().map(move |&n| (prefix(n), n, f)))
                .collect();
            zhicheng_engine::sort::stable_by(&mut v, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            v
        });
        let p = prefix(key);
        by_name
            .binary_search_by(|(q, n, _)| q.cmp(&p).then_with(|| (*n).cmp(key)))
            .ok()
            .map(|i| by_name[i].2)
    }
}

/// A column of CE hours: one year, one category, offline or online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CeColumn {
    pub year: i32,
    pub category: CeCategory,
    pub online: bool,
    pub authority_recognized: bool,
}

impl CeColumn {
    /// The English header: `ce_2024_professional`, `ce_2019_professional_online`.
    pub fn name_en(&self) -> String {
        let mut s = format!("ce_{}_{}", self.year, self.category.as_str());
        if self.online {
            s += "_online";
        }
        if self.authority_recognized {
            s += "_recognized";
        }
        s
    }

    /// The Chinese header: `2024年专业科目`, `2019年专业科目（网络）`.
    pub fn name_zh(&self) -> String {
        let mut s = format!("{}年{}", self.year, self.category.label_zh());
        match (self.online, self.authority_recognized) {
            (false, false) => {}
            (true, false) => s += "（网络）",
            (false, true) => s += "（认可）",
            (true, true) => s += "（网络，认可）",
        }
        s
    }

    /// How many different CE columns there can be: every year, category, online or
    /// not, recognized or not.
    pub(super) const SLOTS: usize =
        (MAX_YEAR - MIN_YEAR + 1) as usize * CeCategory::ALL.len() * 2 * 2;

    /// The column's place among the [`CeColumn::SLOTS`] (a different one for each).
    pub(super) fn slot(&self) -> usize {
        let year = (self.year - MIN_YEAR) as usize;
        ((year * CeCategory::ALL.len() + self.category.index()) * 2 + usize::from(self.online)) * 2
            + usize::from(self.authority_recognized)
    }

    /// Reads a CE header, `None` when the name is not one. Forms: `ce_2024_professional`,
    /// `2024_industry_public_online`, `2024年专业科目`, `2024专业科目学时（网络）`, …
    #[cfg(test)]
    fn parse(name: &str) -> Option<CeColumn> {
        CeColumn::from_key(&header_key(name))
    }

    /// `CeColumn::parse` (a test helper) of a name already made a [`header_key`].
    /// Copies the name only where something is left out of it (a header of many
    /// columns costs little per column).
    fn from_key(key: &str) -> Option<CeColumn> {
        let left_out = |c: char| {
            matches!(
                c,
                '(' | ')' | '_' | '-' | '年' | ',' | '，' | '、' | '/' | '+'
            )
        };
        let s: Cow<str> = if key.contains(left_out) {
            Cow::Owned(key.chars().filter(|c| !left_out(*c)).collect())
        } else {
            Cow::Borrowed(key)
        };
        let s = s.strip_prefix("ce").unwrap_or(&s);
        // Each `replace` leaves the text as it is when the word is not in it.
        let s: Cow<str> = if s.contains("学时") || s.contains("小时") {
            Cow::Owned(s.replace("学时", "").replace("小时", ""))
        } else {
            Cow::Borrowed(s)
        };
        let (year, mut rest) = (s.get(..4)?, s.get(4..)?);
        let year: i32 = year
            .parse()
            .ok()
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))?;
        const CATEGORIES: &[(&str, CeCategory)] = &[
            ("professional", CeCategory::Professional),
            ("industrypublic", CeCategory::IndustryPublic),
            ("generalpublic", CeCategory::GeneralPublic),
            ("专业科目", CeCategory::Professional),
            ("专业课", CeCategory::Professional),
            ("专业", CeCategory::Professional),
            ("行业公需科目", CeCategory::IndustryPublic),
            ("行业公需", CeCategory::IndustryPublic),
            ("一般公需科目", CeCategory::GeneralPublic),
            ("一般公需", CeCategory::GeneralPublic),
        ];
        let (word, category) = CATEGORIES.iter().find(|(w, _)| rest.starts_with(w))?;
        rest = &rest[word.len()..];
        let mut col = CeColumn {
            year,
            category: *category,
            online: false,
            authority_recognized: false,
        };
        const MODIFIERS: &[(&str, bool)] = &[
            ("online", true),
            ("网络课件", true),
            ("网络", true),
            ("线上", true),
            ("recognized", false),
            ("authorityrecognized", false),
            ("主管部门认可", false),
            ("认可", false),
        ];
        while !rest.is_empty() {
            let (word, online) = MODIFIERS.iter().find(|(w, _)| rest.starts_with(w))?;
            rest = &rest[word.len()..];
            if *online {
                col.online = true;
            } else {
                col.authority_recognized = true;
            }
        }
        Some(col)
    }
}

/// A header name as compared: no spaces, lower case, full-width forms
/// [`narrow`](lenient::narrow)ed (`（` `）` `－` as ASCII), `-` as `_`. Borrowed when the
/// name is already so.
pub(super) fn header_key(s: &str) -> Cow<'_, str> {
    let changes = |c: char| {
        c.is_whitespace() || c.is_ascii_uppercase() || c == '-' || lenient::narrow(c) != c
    };
    if !s.contains(changes) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(lenient::narrow)
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect(),
    )
}

/// What a header column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Field(Field),
    Ce(CeColumn),
    Ignored,
}

pub(super) fn classify(name: &str) -> Result<Kind, FileError> {
    let key = header_key(name);
    if let Some(f) = Field::find(&key) {
        return Ok(Kind::Field(f));
    }
    // A hint in brackets after the name: `出生日期(YYYY-MM-DD)`.
    if let Some(i) = key.find('(') {
        if i > 0 && key.ends_with(')') {
            if let Some(f) = Field::find(&key[..i]) {
                return Ok(Kind::Field(f));
            }
        }
    }
    if let Some(c) = CeColumn::from_key(&key) {
        return Ok(Kind::Ce(c));
    }
    // `ce_…`, or a year followed by a CE word: meant as hours, but not readable. Other
    // headers starting with a year (`2023年度考核`) are just not ours.
    let looks_like_ce = key.starts_with("ce_")
        || (key.len() > 4
            && key.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && [
                "专业",
                "公需",
                "学时",
                "professional",
                "public",
                "online",
                "网络",
            ]
            .iter()
            .any(|w| key.contains(w)));
    if looks_like_ce {
        return Err(FileError::BadCeColumn {
            column: name.trim().to_string(),
        });
    }
    Ok(Kind::Ignored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ce_headers_in_both_languages() {
        let c = |y, category, online| {
            Some(CeColumn {
                year: y,
                category,
                online,
                authority_recognized: false,
            })
        };
        use CeCategory::*;
        assert_eq!(
            CeColumn::parse("ce_2024_professional"),
            c(2024, Professional, false)
        );
        assert_eq!(
            CeColumn::parse("CE_2024_industry_public_online"),
            c(2024, IndustryPublic, true)
        );
        assert_eq!(
            CeColumn::parse("2024年一般公需科目"),
            c(2024, GeneralPublic, false)
        );
        assert_eq!(
            CeColumn::parse("2019年专业科目（网络）"),
            c(2019, Professional, true)
        );
        assert_eq!(
            CeColumn::parse("2019专业科目学时(网络课件)"),
            c(2019, Professional, true)
        );
        let r = CeColumn::parse("ce_2020_professional_online_recognized").unwrap();
        assert!(r.online && r.authority_recognized);
        for col in [
            c(2024, Professional, false).unwrap(),
            c(2019, GeneralPublic, true).unwrap(),
            r,
        ] {
            assert_eq!(CeColumn::parse(&col.name_en()), Some(col));
            assert_eq!(CeColumn::parse(&col.name_zh()), Some(col));
        }
        assert_eq!(CeColumn::parse("ce_2024_pro"), None);
        assert!(matches!(
            classify("ce_2024_pro"),
            Err(FileError::BadCeColumn { .. })
        ));
        assert!(matches!(
            classify("2024年专业课程"),
            Err(FileError::BadCeColumn { .. })
        ));
        assert_eq!(classify("部门"), Ok(Kind::Ignored));
        assert_eq!(classify("2023年度考核"), Ok(Kind::Ignored));
        assert_eq!(
            classify("出生日期（YYYY-MM-DD）"),
            Ok(Kind::Field(Field::BirthDate))
        );
    }

    #[test]
    fn field_names_are_written_as_they_are_compared() {
        let mut all = Vec::new();
        for f in Field::ALL {
            for n in f.names() {
                assert_eq!(header_key(n), *n, "{n}");
                all.push(*n);
            }
        }
        // One field per name, so the sorted table finds what a search in order found.
        all.sort_unstable();
        assert!(all.windows(2).all(|w| w[0] != w[1]), "a name of two fields");
    }

    #[test]
    fn every_ce_column_has_a_slot_of_its_own() {
        let mut seen = vec![false; CeColumn::SLOTS];
        for year in [MIN_YEAR, 2024, MAX_YEAR] {
            for &category in CeCategory::ALL {
                for (online, authority_recognized) in
                    [(false, false), (false, true), (true, false), (true, true)]
                {
                    let c = CeColumn {
                        year,
                        category,
                        online,
                        authority_recognized,
                    };
                    assert!(!std::mem::replace(&mut seen[c.slot()], true), "{c:?}");
                }
            }
        }
        let last = CeColumn {
            year: MAX_YEAR,
            category: *CeCategory::ALL.last().unwrap(),
            online: true,
            authority_recognized: true,
        };
        assert_eq!(last.slot(), CeColumn::SLOTS - 1);
    }

    /// Every one of the 3,612 different CE columns is taken; a repeat of any, however

    #[test]
    fn every_field_name_finds_its_field() {
        for f in Field::ALL {
            for n in f.names() {
                assert_eq!(classify(n), Ok(Kind::Field(f)), "{n}");
            }
        }
    }
}
