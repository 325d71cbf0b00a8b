//! The closed vocabularies of the profile and verdict formats (SPEC §2–§3), with labels.

use serde::Serialize;

/// Defines an enum whose variants have a wire name and Chinese and English labels.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $wire:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// Every value, in the order of the specification.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name used in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The value with this JSON name.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }

            /// A label for people, in Chinese.
            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }

            /// A label for people, in English.
            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }

            /// The label in `lang`.
            pub fn label(self, lang: crate::Lang) -> &'static str {
                match lang { crate::Lang::Zh => self.label_zh(), crate::Lang::En => self.label_en() }
            }

            /// Index in `ALL`.
            pub fn index(self) -> usize {
                self as usize
            }

            /// The JSON names, for error messages.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// A 职称 series.
    Series {
        Engineering = "engineering", "工程系列", "engineering";
        Economics = "economics", "经济系列", "economics";
    }
);

vocabulary!(
    /// A professional title, held or targeted.
    Title {
        Technician = "technician", "技术员", "technician";
        AssistantEngineer = "assistant_engineer", "助理工程师", "assistant engineer";
        Engineer = "engineer", "工程师", "engineer";
        SeniorEngineer = "senior_engineer", "高级工程师", "senior engineer";
        ProfessorateSeniorEngineer = "professorate_senior_engineer", "正高级工程师", "professorate senior engineer";
        Economist = "economist", "经济师", "economist";
        SeniorEconomist = "senior_economist", "高级经济师", "senior economist";
    }
);

impl Title {
    /// The series a title belongs to.
    pub fn series(self) -> Series {
        match self {
            Title::Economist | Title::SeniorEconomist => Series::Economics,
            _ => Series::Engineering,
        }
    }

    /// Whether the title may be a `target.title` (SPEC §2).
    pub fn is_target(self) -> bool {
        self != Title::Economist
    }
}

vocabulary!(
    /// Highest education completed.
    Education {
        Doctorate = "doctorate", "博士研究生", "doctorate";
        Master = "master", "硕士研究生", "master's degree";
        SecondBachelor = "second_bachelor", "第二学士学位", "second bachelor's degree";
        Bachelor = "bachelor", "大学本科", "bachelor's degree";
        Associate = "associate", "大专", "associate degree (大专)";
        SecondaryVocational = "secondary_vocational", "中专（中职）", "secondary vocational (中专/中职)";
    }
);

vocabulary!(
    /// Which original statutory retirement age applies (SPEC §6).
    RetirementGroup {
        Male = "male", "男职工（原退休年龄60岁）", "man (original age 60)";
        Female55 = "female_55", "女干部、专业技术人员（原退休年龄55岁）", "woman, cadre or technical staff (original age 55)";
        Female50 = "female_50", "女工人（原退休年龄50岁）", "woman worker (original age 50)";
    }
);

vocabulary!(
    /// The kind of employer.
    Employment {
        Enterprise = "enterprise", "企业", "enterprise";
        PublicInstitution = "public_institution", "事业单位", "public institution (事业单位)";
        CivilServant = "civil_servant", "公务员", "civil servant";
        CivilServantManaged = "civil_servant_managed", "参照公务员法管理（参公）", "managed as civil service (参公)";
        Other = "other", "其他（社会组织、自由职业等）", "other (social organisation, freelance…)";
    }
);

vocabulary!(
    /// An annual assessment grade.
    Assessment {
        Excellent = "excellent", "优秀", "excellent";
        Competent = "competent", "合格（称职）", "competent";
        Basic = "basic", "基本合格（基本称职）", "basically competent";
        Unqualified = "unqualified", "不合格（不称职）", "unqualified";
    }
);

vocabulary!(
    /// A sanction (处分).
    SanctionKind {
        Warning = "warning", "警告", "warning";
        Demerit = "demerit", "记过", "demerit";
        MajorDemerit = "major_demerit", "记大过", "major demerit";
        Demotion = "demotion", "降级", "demotion";
        PostGradeLowered = "post_grade_lowered", "降低岗位等级", "post grade lowered";
        Removal = "removal", "撤职", "removal from post";
        Expulsion = "expulsion", "开除", "expulsion";
    }
);

vocabulary!(
    /// A national exam.
    Exam {
        SeniorEconomist = "senior_economist", "高级经济专业技术资格考试", "senior economist examination";
    }
);

vocabulary!(
    /// A continuing-education category.
    CeCategory {
        Professional = "professional", "专业科目", "professional subjects";
        IndustryPublic = "industry_public", "行业公需科目", "industry public subjects";
        GeneralPublic = "general_public", "一般公需科目", "general public subjects";
    }
);

vocabulary!(
    /// A check of the verdict (SPEC §3), in the order a verdict lists them.
    CheckId {
        Retirement = "retirement", "退休", "retirement";
        CivilServant = "civil_servant", "公务员身份", "civil servant";
        Sanction = "sanction", "处分", "sanction";
        FraudBan = "fraud_ban", "弄虚作假", "fraud ban";
        TechnicalPost = "technical_post", "专业技术岗位", "technical post";
        ProfessionMatch = "profession_match", "专业对口", "profession match";
        QualificationPath = "qualification_path", "学历资历条件", "qualification path";
        PrerequisiteTitle = "prerequisite_title", "现任职称", "prerequisite title";
        ServiceYears = "service_years", "任职年限", "years of service";
        CeHours = "ce_hours", "继续教育学时", "continuing-education hours";
        Exam = "exam", "考试", "exam";
        ForeignLanguage = "foreign_language", "外语", "foreign language";
        MountainCounties = "mountain_counties", "山区26县", "mountain counties";
        Projection = "projection", "推算", "projection";
        Coverage = "coverage", "适用范围", "coverage";
    }
);

vocabulary!(
    /// The outcome of one check.
    CheckStatus {
        Pass = "pass", "符合", "pass";
        Fail = "fail", "不符合", "fail";
        Review = "review", "需人工核实", "review";
        Info = "info", "提示", "info";
        NotApplicable = "not_applicable", "不适用", "not applicable";
    }
);

vocabulary!(
    /// The overall verdict.
    Status {
        Eligible = "eligible", "可以申报", "eligible";
        NeedsReview = "needs_review", "需人工核实", "needs review";
        NotEligible = "not_eligible", "暂不符合申报条件", "not eligible";
        NotCovered = "not_covered", "不在本规则适用范围", "not covered";
    }
);

vocabulary!(
    /// How a rule set evaluates continuing education (SPEC §7).
    CePolicy {
        WindowCountAndLastTwo = "window_count_and_last_two", "任职年限内达标年数与申报当年、前一年均达标", "enough compliant years in the window, and the last two years";
        LastTwoYears = "last_two_years", "申报当年和前一年达标", "the year of application and the year before";
        EveryYearOfWindow = "every_year_of_window", "任职以来每年达标", "every year since the prerequisite title";
        LastNYears = "last_n_years", "最近N年达标（参考）", "the last N years (advisory)";
    }
);
